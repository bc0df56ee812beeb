using System.Collections.Concurrent;
using RunComfy.SchemaClient.Tests.Batch;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Diagnostics;

/// <summary>The model a run tags its own calls with stays inside the run: the caller's code it calls back never inherits it.</summary>
public sealed class AmbientModelTests
{
    private readonly VirtualTimeProvider _time = new();

    [Fact]
    public async Task A_call_the_callers_progress_callback_makes_is_not_tagged_with_the_runs_model()
    {
        using var telemetry = new TelemetryCapture();
        var handler = new FakeHttpHandler();
        handler.Submit.Ok(Wire.Submitted("a1"));
        handler.Status.Ok(Wire.Status("a1", "in_queue", 1)).Ok(Wire.Status("a1", "completed"));
        handler.Result.Ok(Wire.Completed("a1"));
        var otherHandler = new FakeHttpHandler();
        otherHandler.Status.Ok(Wire.Status("b1", "in_progress"));
        using var client = TestClient.Create(handler, _time);
        using var otherClient = TestClient.Create(otherHandler, _time);

        // A caller that, on the first report, looks at another job of theirs (the other task captures the context it starts in).
        Task<RequestStatus>? other = null;
        var progress = new ListProgress { OnReport = _ => other ??= Task.Run(() => otherClient.GetStatusAsync("b1")) };
        var request = new TestSeedreamEditRequest { ModelId = telemetry.ModelId, Prompt = "a cat in a hat", Images = ["https://example.com/cat.png"] };

        await client.RunAsync(request, new RunOptions { Progress = progress });
        (await other!.WaitAsync(TimeSpan.FromSeconds(60))).State.ShouldBe(RunComfyRequestState.InProgress);

        // The run's own two status reads carry its model; the caller's read of b1 does not.
        telemetry.Total("runcomfy.client.status.calls").ShouldBe(2);
        otherHandler.Status.Calls.ShouldBe(1);
        var span = telemetry.Spans.Single(s => s.OperationName == "RunComfyClient.GetStatus" && Equals(s.GetTagItem("runcomfy.request.id"), "b1"));
        span.GetTagItem("runcomfy.model.id").ShouldBeNull();
    }

    [Fact]
    public async Task A_call_the_callers_batch_progress_callback_makes_is_not_tagged_with_a_jobs_model()
    {
        using var telemetry = new TelemetryCapture();
        await using var emulator = await BatchEmulator.StartAsync(workers: 2, run: TimeSpan.FromMilliseconds(50), o =>
            o.ExtraSchemas[telemetry.ModelId] = """{"type":"object","properties":{"prompt":{"type":"string"},"images":{"type":"array","items":{"type":"string"}}}}""");
        using var client = ClientEmulator.Client(emulator);
        var otherHandler = new FakeHttpHandler();
        otherHandler.Status.Ok(Wire.Status("b1", "in_progress"));
        using var otherClient = TestClient.Create(otherHandler, _time);
        var others = new ConcurrentQueue<Task<RequestStatus>>();
        var progress = new ListProgress<BatchItemProgress>(_ => others.Enqueue(Task.Run(() => otherClient.GetStatusAsync("b1"))));
        var requests = Enumerable.Range(0, 2)
            .Select(i => new TestSeedreamEditRequest { ModelId = telemetry.ModelId, Prompt = $"ambient model {i}", Images = ["https://example.com/cat.png"] })
            .ToList();

        var results = await BatchEmulator.CollectAsync(client.RunBatchAsync(requests, BatchEmulator.FastOptions(o => o.Progress = progress)));
        await Task.WhenAll(others).WaitAsync(TimeSpan.FromSeconds(60));

        results.ShouldAllBe(r => r.Succeeded);
        others.Count.ShouldBeGreaterThan(2);
        var spans = telemetry.Spans.Where(s => s.OperationName == "RunComfyClient.GetStatus" && Equals(s.GetTagItem("runcomfy.request.id"), "b1")).ToList();
        spans.Count.ShouldBe(others.Count);
        spans.ShouldAllBe(s => s.GetTagItem("runcomfy.model.id") == null);
    }

    /// <summary>A synchronous progress sink (Progress&lt;T&gt; would post to the thread pool).</summary>
    private sealed class ListProgress<T>(Action<T> onReport) : IProgress<T>
    {
        public void Report(T value) => onReport(value);
    }
}
