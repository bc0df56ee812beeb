using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>Resuming a request from an earlier run, another process or a journal.</summary>
public sealed class WaitAsyncTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();

    [Fact]
    public async Task A_finished_request_is_returned_at_once_without_a_submit()
    {
        _handler.Status.Ok(Wire.Status("old-1", "completed"));
        _handler.Result.Ok(Wire.Completed("old-1"));
        using var client = TestClient.Create(_handler, _time);

        var result = await client.WaitAsync("old-1");

        result.RequestId.ShouldBe("old-1");
        result.State.ShouldBe(RunComfyRequestState.Completed);
        _time.Delays.ShouldBeEmpty();
        _handler.Submit.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_running_request_is_followed_to_its_end_with_progress()
    {
        _handler.Status
            .Ok(Wire.Status("old-1", "processing"))
            .Ok(Wire.Status("old-1", "processing"))
            .Ok(Wire.Status("old-1", "succeeded"));
        _handler.Result.Ok(Wire.Completed("old-1"));
        var progress = new ListProgress();
        using var client = TestClient.Create(_handler, _time);

        var result = await client.WaitAsync("old-1", new RunOptions { Progress = progress });

        result.Output.AllUrls.ShouldHaveSingleItem();
        progress.Reports.Select(p => p.State).ShouldBe([RunComfyRequestState.InProgress, RunComfyRequestState.InProgress, RunComfyRequestState.Completed]);
        progress.Reports.Select(p => p.RawStatus).ShouldBe(["processing", "processing", "succeeded"]);
        _time.Delays.ShouldBe([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)]);
    }

    [Fact]
    public async Task An_expired_id_is_a_clear_error()
    {
        _handler.Status.Json(404, Wire.Error(404001, "Request not found"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.WaitAsync("gone"));

        error.ErrorCode.ShouldBe("404001");
        error.Message.ShouldContain("unknown, deleted or expired");
        error.RequestId.ShouldBe("gone");
    }

    [Fact]
    public async Task A_wait_that_times_out_on_a_queued_request_cancels_it_by_default()
    {
        _handler.Status.Ok(Wire.Status("old-1", "in_queue", 9));
        _handler.Cancel.Ok(Wire.CancelAnswer("old-1", "cancellation_requested", "in_queue"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyTimeoutException>(
            () => client.WaitAsync("old-1", new RunOptions { Timeout = TimeSpan.FromSeconds(10) }));

        error.RequestId.ShouldBe("old-1");
        error.CancelOutcome.ShouldBe(CancelOutcome.CancellationRequested);
        error.Message.ShouldContain("GetStatusAsync(\"old-1\")");
    }

    [Fact]
    public async Task Bad_run_options_are_refused()
    {
        using var client = TestClient.Create(_handler, _time);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.WaitAsync("r1", new RunOptions { Timeout = TimeSpan.Zero }));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.WaitAsync("r1", new RunOptions { UnknownStatusLimit = -1 }));
        _handler.Requests.ShouldBeEmpty();
    }
}
