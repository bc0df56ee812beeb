using RunComfy.SchemaClient.Tests.Batch;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Diagnostics;

/// <summary>A batch against the emulator: one span for the batch with every call under it, and the job counters of each model.</summary>
public sealed class BatchTelemetryTests
{
    [Fact]
    public async Task A_batch_is_one_span_over_its_calls_and_counts_each_job_once()
    {
        using var telemetry = new TelemetryCapture();
        await using var emulator = await BatchEmulator.StartAsync(workers: 2, run: TimeSpan.FromMilliseconds(20), o =>
            o.ExtraSchemas[telemetry.ModelId] = """{"type":"object","properties":{"prompt":{"type":"string"},"images":{"type":"array","items":{"type":"string"}}}}""");
        using var client = ClientEmulator.Client(emulator);
        var requests = Enumerable.Range(0, 4)
            .Select(i => new TestSeedreamEditRequest { ModelId = telemetry.ModelId, Prompt = $"batch telemetry {i}", Images = ["https://example.com/cat.png"] })
            .ToList();

        var results = await BatchEmulator.CollectAsync(client.RunBatchAsync(requests, BatchEmulator.FastOptions()));

        results.ShouldAllBe(r => r.Succeeded);
        var batch = telemetry.Span("RunComfyClient.RunBatch");
        batch.ParentSpanId.ShouldBe(telemetry.Root.SpanId);
        batch.GetTagItem("runcomfy.batch.items").ShouldBe(4);
        var calls = telemetry.Spans.Where(s => s != batch).ToList();
        calls.ShouldAllBe(s => s.ParentSpanId == batch.SpanId && (string?)s.GetTagItem("runcomfy.model.id") == telemetry.ModelId);
        calls.Count(s => s.OperationName == "RunComfyClient.Submit").ShouldBe(4);
        calls.Count(s => s.OperationName == "RunComfyClient.GetResult").ShouldBe(4);
        calls.Where(s => s.OperationName == "RunComfyClient.GetStatus").Select(s => s.GetTagItem("runcomfy.request.id")).Distinct().Count().ShouldBe(4);

        telemetry.Total("runcomfy.client.jobs.submitted").ShouldBe(4);
        telemetry.Total("runcomfy.client.jobs.completed").ShouldBe(4);
        telemetry.Total("runcomfy.client.status.calls").ShouldBe(calls.Count(s => s.OperationName == "RunComfyClient.GetStatus"));
        telemetry.Of("runcomfy.client.job.run.duration").Count.ShouldBe(4);
        telemetry.Of("runcomfy.client.job.queue.duration").Count.ShouldBe(4);
    }
}
