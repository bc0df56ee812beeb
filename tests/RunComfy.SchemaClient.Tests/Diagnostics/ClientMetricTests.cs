using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Diagnostics;

/// <summary>The client's counters and histograms after a run, a job failure, a cancel and an unknown submit outcome.</summary>
public sealed class ClientMetricTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();

    [Fact]
    public async Task A_completed_run_counts_the_submit_the_status_calls_the_completion_and_records_queue_and_run_time()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Submit.Ok(Wire.Submitted("m1"));
        _handler.Status
            .Ok(Wire.Status("m1", "in_queue", 2))
            .Ok(Wire.Status("m1", "in_queue", 1))
            .Ok(Wire.Status("m1", "in_progress"))
            .Ok(Wire.Status("m1", "completed"));
        _handler.Result.Ok(Wire.Completed("m1"));
        using var client = TestClient.Create(_handler, _time);

        await client.RunAsync(Request(telemetry));

        telemetry.Total("runcomfy.client.jobs.submitted").ShouldBe(1);
        telemetry.Total("runcomfy.client.jobs.completed").ShouldBe(1);
        telemetry.Total("runcomfy.client.jobs.failed").ShouldBe(0);
        telemetry.Total("runcomfy.client.jobs.cancelled").ShouldBe(0);
        telemetry.Total("runcomfy.client.status.calls").ShouldBe(4);
        telemetry.Total("runcomfy.client.retries").ShouldBe(0);

        // Polls at 0, 1, 2 and 3 s after the submit: the job was first seen out of the queue at 2 s.
        var queue = telemetry.Of("runcomfy.client.job.queue.duration").ShouldHaveSingleItem();
        queue.Value.ShouldBe(2);
        queue.Unit.ShouldBe("s");

        // Wire.Completed says created 00:00:00, finished 00:00:09: the API's own clock wins over the client's 3 s.
        var run = telemetry.Of("runcomfy.client.job.run.duration").ShouldHaveSingleItem();
        run.Value.ShouldBe(9);
        run.Tags["runcomfy.request.state"].ShouldBe("completed");
        telemetry.Of("runcomfy.client.jobs.submitted").Single().Unit.ShouldBe("{job}");
        telemetry.Measurements.ShouldAllBe(m => !m.Tags.ContainsKey("runcomfy.request.id"));
    }

    [Fact]
    public async Task A_failed_job_is_counted_as_failed_with_its_run_time()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Submit.Ok(Wire.Submitted("m2"));
        _handler.Status.Ok(Wire.Status("m2", "in_progress")).Ok(Wire.Status("m2", "failed"));
        _handler.Result.Ok(Wire.Failed("m2", "out of memory"));
        using var client = TestClient.Create(_handler, _time);

        await Should.ThrowAsync<RunComfyJobFailedException>(() => client.RunAsync(Request(telemetry)));

        telemetry.Total("runcomfy.client.jobs.failed").ShouldBe(1);
        telemetry.Total("runcomfy.client.jobs.completed").ShouldBe(0);

        // No created_at/finished_at in this answer: the run time counts from the submit (the failure was seen at 1 s).
        var run = telemetry.Of("runcomfy.client.job.run.duration").ShouldHaveSingleItem();
        run.Value.ShouldBe(1);
        run.Tags["runcomfy.request.state"].ShouldBe("failed");

        // Never queued as far as this run saw: queue time is recorded when it first saw the job out of the queue (at once).
        telemetry.Of("runcomfy.client.job.queue.duration").ShouldHaveSingleItem().Value.ShouldBe(0);
    }

    [Fact]
    public async Task A_queued_job_cancelled_by_the_run_on_abort_is_counted_as_cancelled()
    {
        using var telemetry = new TelemetryCapture();
        using var cts = new CancellationTokenSource();
        _handler.Submit.Ok(Wire.Submitted("m3"));
        _handler.Status.Ok(Wire.Status("m3", "in_queue", 5));
        _handler.Cancel.Ok(Wire.CancelAnswer("m3", "cancelled"));
        var progress = new ListProgress { OnReport = p => { if (p.Polls == 2) cts.Cancel(); } };
        using var client = TestClient.Create(_handler, _time);

        // A cancelled task: Catch reads its exception (Shouldly would see only TaskCanceledException).
        var error = await Catch.ExceptionAsync<RunComfyCanceledException>(() => client.RunAsync(Request(telemetry), new RunOptions { Progress = progress }, cts.Token));

        error.CancelOutcome.ShouldBe(CancelOutcome.Cancelled);

        telemetry.Total("runcomfy.client.jobs.cancelled").ShouldBe(1);
        telemetry.Total("runcomfy.client.jobs.completed").ShouldBe(0);
        telemetry.Total("runcomfy.client.status.calls").ShouldBe(2);
        telemetry.Of("runcomfy.client.job.queue.duration").ShouldBeEmpty();
        telemetry.Of("runcomfy.client.job.run.duration").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_job_cancelled_elsewhere_is_counted_as_cancelled()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Submit.Ok(Wire.Submitted("m4"));
        _handler.Status.Ok(Wire.Status("m4", "cancelled"));
        _handler.Result.Ok("""{"request_id":"m4","status":"cancelled"}""");
        using var client = TestClient.Create(_handler, _time);

        await Should.ThrowAsync<RunComfyJobFailedException>(() => client.RunAsync(Request(telemetry)));

        telemetry.Total("runcomfy.client.jobs.cancelled").ShouldBe(1);
        telemetry.Of("runcomfy.client.job.run.duration").ShouldHaveSingleItem().Tags["runcomfy.request.state"].ShouldBe("cancelled");
    }

    [Fact]
    public async Task A_submit_with_an_unknown_outcome_is_counted_and_is_not_a_submitted_job()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Submit.Throw(Network.ResetMidway);
        using var client = TestClient.Create(_handler, _time);

        await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.RunAsync(Request(telemetry)));

        telemetry.Total("runcomfy.client.submits.outcome_unknown").ShouldBe(1);
        telemetry.Of("runcomfy.client.submits.outcome_unknown").Single().Unit.ShouldBe("{submit}");
        telemetry.Total("runcomfy.client.jobs.submitted").ShouldBe(0);
        _handler.Submit.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Retries_are_counted_by_operation_and_every_status_request_is_a_status_call()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Submit.Json(429, "{}", r => r.Headers.Add("Retry-After", "1")).Ok(Wire.Submitted("m5"));
        _handler.Status.Json(503, "{}").Ok(Wire.Status("m5", "completed"));
        _handler.Result.Json(502, "{}").Ok(Wire.Completed("m5"));
        using var client = TestClient.Create(_handler, _time);

        await client.RunAsync(Request(telemetry));

        var retries = telemetry.Of("runcomfy.client.retries");
        retries.Select(m => ((string)m.Tags["runcomfy.operation"]!, m.Value)).ShouldBe([("submit", 1), ("status", 1), ("result", 1)], ignoreOrder: true);
        telemetry.Total("runcomfy.client.status.calls").ShouldBe(2);
        telemetry.Total("runcomfy.client.jobs.submitted").ShouldBe(1);
    }

    private static TestSeedreamEditRequest Request(TelemetryCapture telemetry) =>
        new() { ModelId = telemetry.ModelId, Prompt = "a cat in a hat", Images = ["https://example.com/cat.png"] };
}
