using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>Once a request exists its id always reaches the caller: callbacks and unexpected exceptions cannot lose it.</summary>
public sealed class RunAsyncRequestIdTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();
    private readonly ListLogger _logger = new();

    [Fact]
    public async Task A_throwing_progress_callback_is_logged_and_does_not_break_the_run()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "in_queue", 1)).Ok(Wire.Status("r1", "completed"));
        _handler.Result.Ok(Wire.Completed("r1"));
        var calls = 0;
        var progress = new ListProgress { OnReport = _ => { calls++; throw new InvalidOperationException("UI gone"); } };
        using var client = TestClient.Create(_handler, _time, logger: _logger);

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Progress = progress });

        result.State.ShouldBe(RunComfyRequestState.Completed);
        calls.ShouldBe(2);
        _logger.AllText.ShouldContain("progress callback for request r1 threw");
        _handler.Submit.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task An_unexpected_exception_during_the_wait_carries_the_request_id_and_cancels_a_queued_job()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "in_queue", 2)).Throw(() => new ObjectDisposedException("System.Net.Http.HttpClient"));
        _handler.Cancel.Ok(Wire.CancelAnswer("r1", "cancelled"));
        using var client = TestClient.Create(_handler, _time, logger: _logger);

        var error = await Should.ThrowAsync<RunComfyWaitInterruptedException>(() => client.RunAsync(TestSeedreamEditRequest.Valid()));

        error.RequestId.ShouldBe("r1");
        error.InnerException.ShouldBeOfType<ObjectDisposedException>();
        error.LastState.ShouldBe(RunComfyRequestState.InQueue);
        error.CancelOutcome.ShouldBe(CancelOutcome.Cancelled);
        error.Message.ShouldContain("'r1'");
        _handler.Cancel.Calls.ShouldBe(1);
        _logger.AllText.ShouldContain("ObjectDisposedException");
    }

    [Fact]
    public async Task An_unexpected_exception_while_running_leaves_the_job_and_says_how_to_resume()
    {
        _handler.Status.Ok(Wire.Status("r1", "in_progress")).Throw(() => new ObjectDisposedException("System.Net.Http.HttpClient"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyWaitInterruptedException>(() => client.WaitAsync("r1"));

        error.RequestId.ShouldBe("r1");
        error.CancelOutcome.ShouldBeNull();
        error.Message.ShouldContain("WaitAsync(\"r1\")");
        _handler.Cancel.Calls.ShouldBe(0);
    }
}
