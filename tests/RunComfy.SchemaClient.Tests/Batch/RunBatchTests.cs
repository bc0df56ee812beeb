using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Batch;

/// <summary><see cref="RunComfyClient.RunBatchAsync(IEnumerable{IRunComfyRequest}, BatchOptions?, CancellationToken)"/> against the emulator with limited workers.</summary>
public sealed class RunBatchTests
{
    private const string OtherModel = "acme/other-1/edit";

    [Fact]
    public async Task Every_request_completes_once_and_is_yielded_with_its_index_and_request_id()
    {
        await using var emulator = await BatchEmulator.StartAsync(workers: 4, run: TimeSpan.FromMilliseconds(30));
        using var client = ClientEmulator.Client(emulator);
        var requests = Enumerable.Range(0, 40).Select(i => BatchEmulator.Request("complete", i)).ToList();

        var results = await BatchEmulator.CollectAsync(client.RunBatchAsync(requests, BatchEmulator.FastOptions()));

        results.Count.ShouldBe(40);
        results.Select(r => r.Index).Order().ShouldBe(Enumerable.Range(0, 40).Select(i => (long)i));
        results.ShouldAllBe(r => r.Outcome == BatchItemOutcome.Completed && r.Succeeded && r.Error == null && r.Result!.Output.Image != null);
        results.Select(r => r.RequestId).Distinct().Count().ShouldBe(40);
        results.ShouldAllBe(r => r.Result!.RequestId == r.RequestId);
        emulator.TotalSubmissions.ShouldBe(40);
        emulator.DuplicateSubmissions.ShouldBe(0);
        requests.ShouldAllBe(r => emulator.GetSubmissionCount(BatchEmulator.Body(r)) == 1);
    }

    [Fact]
    public async Task Models_may_differ_and_an_async_sequence_is_read_lazily()
    {
        await using var emulator = await BatchEmulator.StartAsync(workers: 2, run: TimeSpan.FromMilliseconds(20), o =>
            o.ExtraSchemas[OtherModel] = """{"type":"object","properties":{"prompt":{"type":"string"},"images":{"type":"array","items":{"type":"string"}}}}""");
        using var client = ClientEmulator.Client(emulator);
        var produced = 0;

        async IAsyncEnumerable<IRunComfyRequest> Requests()
        {
            for (var i = 0; i < 12; i++)
            {
                await Task.Yield();
                produced++;
                var request = BatchEmulator.Request("models", i);
                yield return i % 2 == 0 ? request : new TestSeedreamEditRequest { ModelId = OtherModel, Prompt = request.Prompt, Images = request.Images };
            }
        }

        var results = await BatchEmulator.CollectAsync(client.RunBatchAsync(Requests(), BatchEmulator.FastOptions(o => o.MaxJobsInFlight = 3)));

        produced.ShouldBe(12);
        results.ShouldAllBe(r => r.Succeeded);
        results.Where(r => r.Index % 2 == 1).ShouldAllBe(r => r.ModelId == OtherModel);
        results.Where(r => r.Index % 2 == 0).ShouldAllBe(r => r.ModelId == "bytedance/seedream-4-0/edit");
    }

    [Fact]
    public async Task One_items_failure_never_stops_the_others()
    {
        await using var emulator = await BatchEmulator.StartAsync(workers: 3, run: TimeSpan.FromMilliseconds(20));
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.JobFailure);
        using var client = ClientEmulator.Client(emulator);
        var requests = new List<IRunComfyRequest> { BatchEmulator.Request("failures", 0), new TestSeedreamEditRequest { Prompt = null, Images = ["https://example.com/a.png"] } };
        requests.AddRange(Enumerable.Range(2, 8).Select(i => BatchEmulator.Request("failures", i)));

        var results = (await BatchEmulator.CollectAsync(client.RunBatchAsync(requests, BatchEmulator.FastOptions(o => o.MaxSubmitsPerSecond = 1000)))).ToDictionary(r => r.Index);

        results.Count.ShouldBe(10);
        results[1].Outcome.ShouldBe(BatchItemOutcome.Rejected);
        results[1].Error.ShouldBeOfType<RequestValidationException>().Message.ShouldContain("prompt");
        results[1].RequestId.ShouldBeNull();
        results.Values.Count(r => r.Outcome == BatchItemOutcome.JobFailed).ShouldBe(1);
        var failed = results.Values.Single(r => r.Outcome == BatchItemOutcome.JobFailed);
        failed.Result!.State.ShouldBe(RunComfyRequestState.Failed);
        failed.Error.ShouldBeOfType<RunComfyJobFailedException>();
        results.Values.Count(r => r.Succeeded).ShouldBe(8);
    }

    [Fact]
    public async Task A_submit_that_may_have_been_accepted_is_reported_and_never_sent_again()
    {
        await using var emulator = await BatchEmulator.StartAsync(workers: 4, run: TimeSpan.FromMilliseconds(20));
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.DropConnection, FaultTiming.AfterAccept);
        using var client = ClientEmulator.Client(emulator);
        var requests = Enumerable.Range(0, 6).Select(i => BatchEmulator.Request("unknown", i)).ToList();

        var results = await BatchEmulator.CollectAsync(client.RunBatchAsync(requests, BatchEmulator.FastOptions(o => o.MaxJobsInFlight = 1)));

        var unknown = results.Where(r => r.Outcome == BatchItemOutcome.SubmitOutcomeUnknown).ShouldHaveSingleItem();
        unknown.Error.ShouldBeOfType<SubmitOutcomeUnknownException>();
        unknown.RequestId.ShouldBeNull();
        results.Count(r => r.Succeeded).ShouldBe(5);
        emulator.GetSubmissionCount(BatchEmulator.Body(requests[(int)unknown.Index])).ShouldBe(1, "the server took it once and it was not resent");
        emulator.DuplicateSubmissions.ShouldBe(0);
    }

    [Fact]
    public async Task A_job_submitted_earlier_is_resumed_without_a_new_submit()
    {
        await using var emulator = await BatchEmulator.StartAsync(workers: 2, run: TimeSpan.FromMilliseconds(20));
        using var client = ClientEmulator.Client(emulator);
        var earlier = await client.SubmitAsync(BatchEmulator.Request("resume", 0));

        async IAsyncEnumerable<BatchInput> Inputs()
        {
            yield return BatchInput.Resume(7, earlier.RequestId);
            yield return BatchInput.Submit(8, BatchEmulator.Request("resume", 1));
            await Task.CompletedTask;
        }

        var results = (await BatchEmulator.CollectAsync(client.RunBatchAsync(Inputs(), BatchEmulator.FastOptions()))).ToDictionary(r => r.Index);

        results[7].Succeeded.ShouldBeTrue();
        results[7].RequestId.ShouldBe(earlier.RequestId);
        results[8].Succeeded.ShouldBeTrue();
        emulator.TotalSubmissions.ShouldBe(2);
    }

    [Fact]
    public async Task The_status_cap_holds_however_many_jobs_are_in_flight()
    {
        await using var emulator = await BatchEmulator.StartAsync(workers: 50, run: TimeSpan.FromMilliseconds(300));
        using var sent = new StatusSendLog();
        using var client = sent.Client(emulator);
        var requests = Enumerable.Range(0, 200).Select(i => BatchEmulator.Request("cap", i)).ToList();

        var results = await BatchEmulator.CollectAsync(client.RunBatchAsync(requests, BatchEmulator.FastOptions(o =>
        {
            o.MaxJobsInFlight = 200;
            o.MaxStatusCallsPerSecond = 40;
        })));

        results.Count(r => r.Succeeded).ShouldBe(200);
        // Counted as the client sends them: arrivals at the emulator can bunch on a loaded machine (see StatusSendLog).
        sent.Peak.ShouldBeLessThanOrEqualTo(40, $"sent {sent.Peak}/s, arrived {emulator.Stats}");
        sent.Peak.ShouldBeGreaterThan(10, "the budget was used, not idle");
    }

    [Fact]
    public async Task A_429_with_Retry_After_pauses_the_whole_batch()
    {
        var log = new TimedRequestLog();
        await using var emulator = await BatchEmulator.StartAsync(workers: 20, run: TimeSpan.FromMilliseconds(400), o => o.RequestLog = log);
        emulator.Options.Faults.RetryAfterSeconds = 2;
        using var client = ClientEmulator.Client(emulator);
        var requests = Enumerable.Range(0, 20).Select(i => BatchEmulator.Request("backoff", i)).ToList();
        var options = BatchEmulator.FastOptions(o => o.MaxSubmitsPerSecond = 1000);
        // The first status call of the batch answers 429 with Retry-After: 2.
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Status, FaultKind.TooManyRequests, FaultTiming.BeforeAccept);

        var results = await BatchEmulator.CollectAsync(client.RunBatchAsync(requests, options));

        results.ShouldAllBe(r => r.Succeeded);
        var lines = log.Lines;
        var throttled = lines.First(l => l.Line.Contains("/status", StringComparison.Ordinal) && l.Line.EndsWith("-> 429", StringComparison.Ordinal));
        // Polls already past the pause's gate may still land just after, and a line is logged only once its answer is
        // written (the 429's may be logged after the client has it): a loaded machine stretches both by hundreds of
        // milliseconds, so the second in the middle of the 2 s pause is checked. Without the pause, 20 jobs polling
        // every 10-200 ms fill it.
        var during = lines.Where(l => l.Line.Contains("/v1/requests/", StringComparison.Ordinal)
                                      && l.At > throttled.At + TimeSpan.FromMilliseconds(500) && l.At < throttled.At + TimeSpan.FromMilliseconds(1500)).ToList();
        during.ShouldBeEmpty(string.Join("\n", during.Select(l => l.Line)));
    }

    [Fact]
    public async Task Cancelling_the_batch_cancels_the_queued_jobs_on_the_server_and_lists_every_unfinished_one()
    {
        await using var emulator = await BatchEmulator.StartAsync(workers: 1, run: TimeSpan.FromSeconds(20));
        using var client = ClientEmulator.Client(emulator);
        var requests = Enumerable.Range(0, 6).Select(i => BatchEmulator.Request("cancel", i)).ToList();
        using var cancel = new CancellationTokenSource();
        var queuedSeen = 0;
        var options = BatchEmulator.FastOptions(o => o.Progress = new SyncProgress<BatchItemProgress>(p =>
        {
            if (p.Phase == BatchItemPhase.Queued && p.QueuePosition is not null && Interlocked.Increment(ref queuedSeen) == 5) cancel.Cancel();
        }));

        var error = await Catch.ExceptionAsync<BatchCanceledException>(() => BatchEmulator.CollectAsync(client.RunBatchAsync(requests, options, cancel.Token)));

        error.Unfinished.Count.ShouldBe(6);
        error.Unfinished.ShouldAllBe(u => u.RequestId != null && u.Outcome == BatchItemOutcome.WaitFailed);
        var outcomes = error.Unfinished.Select(u => u.Error.ShouldBeOfType<RunComfyCanceledException>().CancelOutcome).ToList();
        outcomes.Count(o => o == CancelOutcome.Cancelled).ShouldBe(5);
        emulator.Stats.JobsCancelled.ShouldBe(5);
        error.Unfinished.Single(u => ((RunComfyCanceledException)u.Error!).CancelOutcome != CancelOutcome.Cancelled).Error!.Message.ShouldContain("WaitAsync");
    }

    [Fact]
    public async Task Stopping_the_enumeration_early_cancels_the_rest()
    {
        await using var emulator = await BatchEmulator.StartAsync(workers: 1, run: TimeSpan.FromMilliseconds(100));
        using var client = ClientEmulator.Client(emulator);
        var requests = Enumerable.Range(0, 8).Select(i => BatchEmulator.Request("break", i)).ToList();

        await foreach (var first in client.RunBatchAsync(requests, BatchEmulator.FastOptions()))
        {
            first.Succeeded.ShouldBeTrue();
            break;
        }

        emulator.Stats.JobsCancelled.ShouldBeGreaterThan(0);
        emulator.DuplicateSubmissions.ShouldBe(0);
    }

    [Fact]
    public void Options_out_of_range_are_refused_before_anything_is_sent()
    {
        using var client = new RunComfyClient("token", new RunComfyClientOptions { BaseAddress = new Uri("http://127.0.0.1:9/") });
        Should.Throw<ArgumentOutOfRangeException>(() => client.RunBatchAsync([TestSeedreamEditRequest.Valid()], new BatchOptions { MaxJobsInFlight = 0 }));
        Should.Throw<ArgumentOutOfRangeException>(() => client.RunBatchAsync([TestSeedreamEditRequest.Valid()], new BatchOptions { MaxStatusCallsPerSecond = 0 }));
    }

    /// <summary>Reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class SyncProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
