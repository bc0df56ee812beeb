using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>Status, result and cancel change nothing when repeated, so every transient failure is retried.</summary>
public sealed class ReadRetryTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();

    [Fact]
    public async Task Status_is_retried_through_429_5xx_garbled_answers_and_network_faults()
    {
        _handler.Status
            .Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "3"))
            .Json(500, """{"message":"boom"}""")
            .Text(502, "<html>bad gateway</html>")
            .Ok("""{"request_id":"r1","sta""")
            .Throw(Network.ResetMidway)
            .Ok(Wire.Status("r1", "in_progress"));
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 5);

        var status = await client.GetStatusAsync("r1");

        status.State.ShouldBe(RunComfyRequestState.InProgress);
        _handler.Status.Calls.ShouldBe(6);
        _time.Delays[0].ShouldBe(TimeSpan.FromSeconds(3));
        _time.Delays.Count.ShouldBe(5);
        _time.Delays.ShouldAllBe(d => d <= TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_timed_out_status_call_is_retried()
    {
        var requestTimeout = TimeSpan.FromSeconds(20);
        _handler.Status.Then(Network.HangUntilTimeout(_time, requestTimeout)).Ok(Wire.Status("r1", "in_queue", 4));
        using var client = TestClient.Create(_handler, _time, o => o.RequestTimeout = requestTimeout);

        var status = await client.GetStatusAsync("r1");

        status.QueuePosition.ShouldBe(4);
        _handler.Status.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task A_200_carrying_a_5xx_class_code_is_retried()
    {
        _handler.Result.Ok(Wire.Error(500001, "The request failed.")).Ok(Wire.Completed("r1"));
        using var client = TestClient.Create(_handler, _time);

        var result = await client.GetResultAsync("r1");

        result.State.ShouldBe(RunComfyRequestState.Completed);
        _handler.Result.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task Cancel_is_retried_on_a_5xx()
    {
        _handler.Cancel.Json(503, """{"message":"busy"}""").Ok(Wire.CancelAnswer("r1", "cancelled"));
        using var client = TestClient.Create(_handler, _time);

        (await client.CancelAsync("r1")).Outcome.ShouldBe(CancelOutcome.Cancelled);

        _handler.Cancel.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task When_the_failures_persist_the_error_is_transient_and_carries_the_request_id()
    {
        _handler.Status.Json(503, """{"message":"maintenance"}""");
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 2);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.Status.ShouldBe(503);
        error.IsTransient.ShouldBeTrue();
        error.RequestId.ShouldBe("r1");
        error.ServerMessage.ShouldBe("maintenance");
        _handler.Status.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task A_network_failure_that_persists_becomes_a_transient_error_without_status()
    {
        _handler.Status.Throw(Network.ConnectionRefused);
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 1);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.Status.ShouldBeNull();
        error.IsTransient.ShouldBeTrue();
        error.InnerException.ShouldNotBeNull();
        _handler.Status.Calls.ShouldBe(2);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(422)]
    public async Task A_definite_error_is_not_retried(int status)
    {
        _handler.Status.Json(status, """{"message":"no"}""");
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.Status.ShouldBe(status);
        error.IsTransient.ShouldBeFalse();
        _handler.Status.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Zero_retries_means_one_attempt()
    {
        _handler.Status.Json(500, """{"message":"boom"}""");
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 0);

        await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        _handler.Status.Calls.ShouldBe(1);
    }
}
