using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>An unreachable API during a wait is reported, and bounded by RunOptions.MaxConsecutivePollFailures.</summary>
public sealed class PollFailureLimitTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();
    private readonly ListLogger _logger = new();

    [Fact]
    public async Task The_wait_gives_up_after_the_limit_with_the_request_id_and_the_last_error()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Json(503, """{"message":"maintenance"}""");
        _handler.Cancel.Throw(Network.ConnectionRefused);
        var progress = new ListProgress();
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 0, _logger);

        var error = await Should.ThrowAsync<RunComfyPollingFailedException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Progress = progress, MaxConsecutivePollFailures = 3 }));

        error.RequestId.ShouldBe("r1");
        error.ConsecutiveFailures.ShouldBe(3);
        error.Status.ShouldBe(503);
        error.InnerException.ShouldBeOfType<RunComfyException>().Status.ShouldBe(503);
        error.LastState.ShouldBe(RunComfyRequestState.InQueue);
        error.Message.ShouldContain("may be fine and still running");
        error.Message.ShouldContain("WaitAsync(\"r1\")");
        _handler.Status.Calls.ShouldBe(3);
        progress.Reports.Select(p => p.ConsecutiveFailures).ShouldBe([1, 2, 3]);
        progress.Reports.ShouldAllBe(p => p.LastError != null && p.LastError.Status == 503 && p.RequestId == "r1" && p.State == RunComfyRequestState.InQueue);
        _logger.Lines.Count(l => l.Contains("Polling request r1 failed")).ShouldBe(3);
        _logger.AllText.ShouldContain("Gave up waiting for request r1");
    }

    [Fact]
    public async Task A_good_answer_resets_the_count()
    {
        _handler.Status
            .Json(503, "{}").Json(503, "{}")
            .Ok(Wire.Status("r1", "in_progress"))
            .Json(503, "{}").Json(503, "{}")
            .Ok(Wire.Status("r1", "completed"));
        _handler.Result.Json(502, "{}").Ok(Wire.Completed("r1"));
        var progress = new ListProgress();
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 0);

        var result = await client.WaitAsync("r1", new RunOptions { Progress = progress, MaxConsecutivePollFailures = 3 });

        result.State.ShouldBe(RunComfyRequestState.Completed);
        progress.Reports.Select(p => p.ConsecutiveFailures).ShouldBe([1, 2, 0, 1, 2, 0, 1]);
        progress.Reports[0].State.ShouldBe(RunComfyRequestState.Unknown);
        progress.Reports[3].State.ShouldBe(RunComfyRequestState.InProgress);
    }

    [Fact]
    public async Task The_limit_must_be_at_least_one()
    {
        using var client = TestClient.Create(_handler, _time);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => client.WaitAsync("r1", new RunOptions { MaxConsecutivePollFailures = 0 }));
    }
}
