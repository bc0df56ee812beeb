using System.Net.Http;
using Microsoft.Extensions.DependencyInjection;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client.EndToEnd;

/// <summary>The client against the emulator on loopback: the whole lifecycle, cancel, timeout and resume.</summary>
public sealed class EndToEndLifecycleTests
{
    [Fact]
    public async Task RunAsync_goes_through_the_queue_to_a_real_png_output()
    {
        await using var emulator = await ClientEmulator.StartAsync();
        using var client = ClientEmulator.Client(emulator);
        var progress = new ListProgress();
        var request = TestSeedreamEditRequest.Valid("e2e lifecycle");

        var result = await client.RunAsync(request, ClientEmulator.Run(progress));

        result.State.ShouldBe(RunComfyRequestState.Completed);
        result.CreatedAt.ShouldNotBeNull();
        result.FinishedAt.ShouldNotBeNull();
        var image = result.Output.Image.ShouldNotBeNull();
        result.Output.AllUrls.ShouldBe([image]);
        image.Authority.ShouldBe(emulator.BaseAddress.Authority);
        using var http = new HttpClient();
        var png = await http.GetByteArrayAsync(image);
        png.Take(8).ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });

        // Real (millisecond) timings: the first status, read right after the submit, may already find the job done.
        // On a loaded machine that read may outlast the 10 ms poll interval; then one report with only the id comes first.
        var idOnly = progress.Reports.TakeWhile(p => p.Polls == 0).ToList();
        idOnly.Count.ShouldBeLessThanOrEqualTo(1);
        idOnly.ShouldAllBe(p => p.State == RunComfyRequestState.InQueue && p.QueuePosition == null);
        progress.Reports[idOnly.Count].Polls.ShouldBe(1);
        progress.Reports[^1].State.ShouldBe(RunComfyRequestState.Completed);
        progress.Reports.Select(p => p.State).ShouldBe(progress.Reports.Select(p => p.State).OrderBy(s => s));
        progress.Reports.ShouldAllBe(p => p.RequestId == result.RequestId);
        emulator.TotalSubmissions.ShouldBe(1);
        emulator.DuplicateSubmissions.ShouldBe(0);
        emulator.Stats.ResultCalls.ShouldBe(1);
    }

    [Fact]
    public async Task The_queue_position_counts_down_in_the_progress_reports()
    {
        // The emulator's jobs move only when its clock is advanced: one step after each status the client reads.
        var clock = new ManualClock();
        await using var emulator = await ClientEmulator.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.InitialQueuePosition = 3;
            o.QueueStep = TimeSpan.FromSeconds(1);
            o.RunDuration = TimeSpan.FromSeconds(1);
        });
        using var client = ClientEmulator.Client(emulator);
        var progress = new ListProgress { OnReport = p => { if (p.Polls > 0) clock.Advance(TimeSpan.FromSeconds(1)); } };

        await client.RunAsync(TestSeedreamEditRequest.Valid("queue positions"), ClientEmulator.Run(progress));

        progress.Reports.Where(p => p.QueuePosition is not null).Select(p => p.QueuePosition!.Value).ShouldBe([3, 2, 1]);
        // A loaded machine may send one report with only the id before the first status is read (Polls = 0).
        progress.Reports.Count(p => p.Polls == 0).ShouldBeLessThanOrEqualTo(1);
        progress.Reports.Where(p => p.Polls > 0).Select(p => p.State).ShouldBe(
        [
            RunComfyRequestState.InQueue, RunComfyRequestState.InQueue, RunComfyRequestState.InQueue,
            RunComfyRequestState.InProgress, RunComfyRequestState.Completed,
        ]);
    }

    public static TheoryData<string> WireForms => ["default", "202+status", "message field", "aliases", "images form", "both forms", "cancellation_requested"];

    [Theory]
    [MemberData(nameof(WireForms))]
    public async Task Every_answer_form_of_WIRE_md_is_understood(string form)
    {
        await using var emulator = await ClientEmulator.StartAsync(o =>
        {
            var wire = o.Wire;
            switch (form)
            {
                case "202+status":
                    wire.SubmitStatusCode = 202;
                    wire.IncludeStatusInSubmitAnswer = true;
                    break;
                case "message field":
                    wire.ErrorMessageField = "message";
                    break;
                case "aliases":
                    wire.InQueueStatus = "waiting";
                    wire.InProgressStatus = "processing";
                    wire.CompletedStatus = "succeeded";
                    break;
                case "images form":
                    wire.ImageOutputForm = ImageOutputForm.Images;
                    wire.IncludeModelIdInResult = true;
                    o.OutputImageCount = 3;
                    break;
                case "both forms":
                    wire.ImageOutputForm = ImageOutputForm.Both;
                    o.OutputImageCount = 2;
                    break;
            }
        });
        using var client = ClientEmulator.Client(emulator, o => o.IncludeCost = true);

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid($"form {form}"), ClientEmulator.Run());

        result.State.ShouldBe(RunComfyRequestState.Completed);
        result.Output.AllUrls.ShouldNotBeEmpty();
        result.Cost.ShouldBe(0.03m * result.Output.AllUrls.Count);
        switch (form)
        {
            case "images form":
                result.Output.Images.Count.ShouldBe(3);
                result.Output.Image.ShouldBeNull();
                result.ModelId.ShouldBe("bytedance/seedream-4-0/edit");
                break;
            case "both forms":
                result.Output.Image.ShouldBe(result.Output.Images[0]);
                result.Output.AllUrls.Count.ShouldBe(2);
                break;
            case "aliases":
                result.RawStatus.ShouldBe("succeeded");
                break;
        }
    }

    [Theory]
    [InlineData(false, RunComfyRequestState.InQueue)]
    [InlineData(true, RunComfyRequestState.InProgress)]
    public async Task A_result_asked_early_is_not_ready_in_both_forms(bool as400005, RunComfyRequestState expected)
    {
        await using var emulator = await ClientEmulator.StartAsync(o =>
        {
            o.ResultBeforeCompletionAs400005 = as400005;
            o.QueueStep = TimeSpan.FromHours(1);
        });
        using var client = ClientEmulator.Client(emulator);
        var handle = await client.SubmitAsync(TestSeedreamEditRequest.Valid("early result"));

        var result = await client.GetResultAsync(handle.RequestId);

        result.State.ShouldBe(expected);
        result.State.IsTerminal().ShouldBeFalse();
        result.Output.AllUrls.ShouldBeEmpty();
    }

    [Fact]
    public async Task RunAsync_waits_through_400005_answers_to_the_result()
    {
        await using var emulator = await ClientEmulator.StartAsync(o => o.ResultBeforeCompletionAs400005 = true);
        using var client = ClientEmulator.Client(emulator);

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid("400005 run"), ClientEmulator.Run());

        result.State.ShouldBe(RunComfyRequestState.Completed);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_queued_request_can_be_cancelled_and_then_reads_cancelled(bool cancellationRequestedForm)
    {
        await using var emulator = await ClientEmulator.StartAsync(o =>
        {
            o.QueueStep = TimeSpan.FromHours(1);
            o.Wire.CancelAnswersCancellationRequested = cancellationRequestedForm;
        });
        using var client = ClientEmulator.Client(emulator);
        var handle = await client.SubmitAsync(TestSeedreamEditRequest.Valid("cancel me"));

        var cancel = await client.CancelAsync(handle.RequestId);
        var status = await client.GetStatusAsync(handle.RequestId);
        var waited = await Should.ThrowAsync<RunComfyJobFailedException>(() => client.WaitAsync(handle.RequestId, ClientEmulator.Run()));

        cancel.Outcome.ShouldBe(cancellationRequestedForm ? CancelOutcome.CancellationRequested : CancelOutcome.Cancelled);
        status.State.ShouldBe(RunComfyRequestState.Cancelled);
        waited.State.ShouldBe(RunComfyRequestState.Cancelled);
        emulator.Stats.JobsCancelled.ShouldBe(1);
    }

    [Fact]
    public async Task A_running_request_is_not_cancellable_and_completes()
    {
        // The job runs until the emulator's clock is advanced, so the cancel surely finds it running.
        var clock = new ManualClock();
        await using var emulator = await ClientEmulator.StartAsync(o =>
        {
            o.TimeProvider = clock;
            o.InitialQueuePosition = 0;
            o.RunDuration = TimeSpan.FromSeconds(1);
        });
        using var client = ClientEmulator.Client(emulator);
        var handle = await client.SubmitAsync(TestSeedreamEditRequest.Valid("running"));

        var cancel = await client.CancelAsync(handle.RequestId);
        clock.Advance(TimeSpan.FromSeconds(1));
        var result = await client.WaitAsync(handle.RequestId, ClientEmulator.Run());

        cancel.Outcome.ShouldBe(CancelOutcome.NotCancellable);
        cancel.State.ShouldBe(RunComfyRequestState.InProgress);
        result.State.ShouldBe(RunComfyRequestState.Completed);
        emulator.Stats.JobsCancelled.ShouldBe(0);
    }

    [Fact]
    public async Task A_run_timing_out_in_the_queue_cancels_the_request_on_the_server()
    {
        await using var emulator = await ClientEmulator.StartAsync(o =>
        {
            o.InitialQueuePosition = 5;
            o.QueueStep = TimeSpan.FromHours(1);
        });
        // The client's clock moves only with its own poll waits: the submit takes no time on it, however slow the
        // machine, so the timeout fires in the queue after some 10-50 ms polls, never during the submit.
        var time = new VirtualTimeProvider();
        using var client = ClientEmulator.Client(emulator, o => o.TimeProvider = time);

        var error = await Should.ThrowAsync<RunComfyTimeoutException>(() => client.RunAsync(
            TestSeedreamEditRequest.Valid("stuck"), new RunOptions { Timeout = TimeSpan.FromMilliseconds(300) })).WaitAsync(ClientEmulator.SafetyTimeout);

        error.RequestId.ShouldNotBeNull();
        error.SubmitOutcomeUnknown.ShouldBeFalse();
        error.LastState.ShouldBe(RunComfyRequestState.InQueue);
        error.CancelOutcome.ShouldBe(CancelOutcome.Cancelled);
        time.Elapsed.ShouldBe(TimeSpan.FromMilliseconds(300));
        (await client.GetStatusAsync(error.RequestId)).State.ShouldBe(RunComfyRequestState.Cancelled);
        emulator.Stats.JobsCancelled.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelling_a_run_in_the_queue_cancels_the_request_and_says_which()
    {
        await using var emulator = await ClientEmulator.StartAsync(o => o.QueueStep = TimeSpan.FromHours(1));
        using var client = ClientEmulator.Client(emulator);
        using var cts = new CancellationTokenSource();
        var progress = new ListProgress { OnReport = p => { if (p.Polls >= 2) cts.Cancel(); } };

        var error = await Catch.ExceptionAsync<RunComfyCanceledException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid("ctrl-c"), ClientEmulator.Run(progress), cts.Token));

        error.RequestId.ShouldNotBeNull();
        error.CancelOutcome.ShouldBe(CancelOutcome.Cancelled);
        emulator.Stats.JobsCancelled.ShouldBe(1);
    }

    [Fact]
    public async Task A_request_is_resumed_by_id_from_another_client()
    {
        await using var emulator = await ClientEmulator.StartAsync(o => o.QueueStep = TimeSpan.FromMilliseconds(100));
        string requestId;
        using (var first = ClientEmulator.Client(emulator))
        {
            requestId = (await first.SubmitAsync(TestSeedreamEditRequest.Valid("journal me"))).RequestId;
        }

        using var second = ClientEmulator.Client(emulator);
        var result = await second.WaitAsync(requestId, ClientEmulator.Run());

        result.RequestId.ShouldBe(requestId);
        result.State.ShouldBe(RunComfyRequestState.Completed);
        emulator.TotalSubmissions.ShouldBe(1);
    }

    [Fact]
    public async Task A_job_that_fails_on_the_server_throws_with_its_error()
    {
        await using var emulator = await ClientEmulator.StartAsync(o => o.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.JobFailure));
        using var client = ClientEmulator.Client(emulator);

        var error = await Should.ThrowAsync<RunComfyJobFailedException>(() => client.RunAsync(TestSeedreamEditRequest.Valid("doomed"), ClientEmulator.Run()));

        error.State.ShouldBe(RunComfyRequestState.Failed);
        error.Result.Error!.Code.ShouldBe("500001");
        error.Result.Error.Message.ShouldContain("failed");
    }

    [Fact]
    public async Task AddRunComfy_runs_a_job_through_IHttpClientFactory()
    {
        await using var emulator = await ClientEmulator.StartAsync();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddRunComfy(o =>
        {
            var defaults = ClientEmulator.Options(emulator.BaseAddress);
            o.Token = ClientEmulator.Token;
            o.BaseAddress = defaults.BaseAddress;
            o.PollInterval = defaults.PollInterval;
            o.MaxPollInterval = defaults.MaxPollInterval;
        });
        await using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<RunComfyClient>().RunAsync(TestSeedreamEditRequest.Valid("via DI"), ClientEmulator.Run());

        result.State.ShouldBe(RunComfyRequestState.Completed);
    }
}
