using System.Globalization;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>
/// A one-shot call (status, result, cancel, submit) waits on the server's <c>Retry-After</c>s for at most
/// <see cref="RunComfyRetryOptions.MaxTotalRetryAfter"/> in all, then fails with the error of the last answer.
/// </summary>
public sealed class RetryAfterBudgetTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();

    public static TheoryData<string> Operations => new() { "status", "result", "cancel" };

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Repeated_Retry_Afters_end_the_call_once_the_default_60_seconds_are_spent(string operation)
    {
        Route(operation).Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "30"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyException>(() => Call(client, operation));

        // 30 s + 30 s fit the 60 s; a third 30 s would not, so the third answer is the error, without a wait.
        error.Status.ShouldBe(429);
        error.ErrorCode.ShouldBe("429001");
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        error.IsTransient.ShouldBeTrue();
        error.RequestId.ShouldBe("r1");
        Route(operation).Calls.ShouldBe(3);
        _time.Delays.ShouldBe([TimeSpan.FromSeconds(30), TimeSpan.FromSeconds(30)]);
        _time.Elapsed.ShouldBe(TimeSpan.FromSeconds(60));
    }

    [Fact]
    public async Task Two_minute_Retry_Afters_no_longer_hold_a_status_call_for_eight_minutes()
    {
        _handler.Status.Json(503, Wire.Error(503000, "later"), r => r.Headers.Add("Retry-After", "120"));
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxTotalRetryAfter = TimeSpan.FromMinutes(5));

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.Status.ShouldBe(503);
        error.RetryAfter.ShouldBe(TimeSpan.FromMinutes(2));
        _handler.Status.Calls.ShouldBe(3);
        _time.Elapsed.ShouldBe(TimeSpan.FromMinutes(4));
    }

    [Fact]
    public async Task One_Retry_After_beyond_the_total_is_not_waited_for_at_all()
    {
        var logger = new ListLogger();
        _handler.Status.Json(503, Wire.Error(503000, "later"), r => r.Headers.Add("Retry-After", "90"));
        using var client = TestClient.Create(_handler, _time, logger: logger);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(90));
        _handler.Status.Calls.ShouldBe(1);
        _time.Delays.ShouldBeEmpty();
        _time.Elapsed.ShouldBe(TimeSpan.Zero);
        logger.AllText.ShouldContain("Not retrying status r1: the server asks to wait 90000 ms more, past the 60000 ms a call may wait on Retry-After");
    }

    [Fact]
    public async Task The_last_attempt_past_the_total_is_not_reported_as_stopped_by_the_cap()
    {
        // One retry allowed: the second answer ends the call anyway, so the cap stopped nothing and says nothing.
        var logger = new ListLogger();
        _handler.Status.Json(503, Wire.Error(503000, "later"), r => r.Headers.Add("Retry-After", "40"));
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 1, logger: logger);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(40));
        _handler.Status.Calls.ShouldBe(2);
        _time.Delays.ShouldBe([TimeSpan.FromSeconds(40)]);
        logger.AllText.ShouldNotContain("Not retrying");
    }

    [Fact]
    public async Task A_Retry_After_date_is_counted_as_the_wait_it_asks_for_on_the_client_s_clock()
    {
        _handler.Status
            .Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", HttpDate(VirtualTimeProvider.Epoch.AddSeconds(40))))
            .Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", HttpDate(VirtualTimeProvider.Epoch.AddSeconds(70))))
            .Ok(Wire.Status("r1", "in_progress"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        // 40 s, then 30 s more (to t = 70 s) would be 70 s in all: over the 60 s, so the second answer is the error.
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(30));
        _handler.Status.Calls.ShouldBe(2);
        _time.Elapsed.ShouldBe(TimeSpan.FromSeconds(40));
    }

    [Fact]
    public async Task Waits_within_the_total_are_honoured_and_the_call_succeeds()
    {
        _handler.Status
            .Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "20"))
            .Json(503, Wire.Error(503000, "later"), r => r.Headers.Add("Retry-After", "40"))
            .Ok(Wire.Status("r1", "in_progress"));
        using var client = TestClient.Create(_handler, _time);

        (await client.GetStatusAsync("r1")).State.ShouldBe(RunComfyRequestState.InProgress);

        _time.Delays.ShouldBe([TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(40)]);
    }

    [Fact]
    public async Task Each_call_has_its_own_total_even_on_a_reused_pooled_context()
    {
        _handler.Status
            .Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "40"))
            .Ok(Wire.Status("r1", "in_queue"))
            .Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "40"))
            .Ok(Wire.Status("r1", "in_progress"));
        using var client = TestClient.Create(_handler, _time);

        // 40 s + 40 s is past the 60 s, but in two calls: the second call's budget starts at zero again.
        (await client.GetStatusAsync("r1")).State.ShouldBe(RunComfyRequestState.InQueue);
        (await client.GetStatusAsync("r1")).State.ShouldBe(RunComfyRequestState.InProgress);

        _handler.Status.Calls.ShouldBe(4);
        _time.Delays.ShouldBe([TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(40)]);
    }

    [Fact]
    public async Task Backoff_without_a_Retry_After_is_not_counted_against_the_total()
    {
        _handler.Status.Json(503, Wire.Error(503000, "later"), r => r.Headers.Add("Retry-After", "1"))
            .Json(503, """{"message":"busy"}""")
            .Json(503, """{"message":"busy"}""")
            .Ok(Wire.Status("r1", "in_queue", 2));
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxTotalRetryAfter = TimeSpan.Zero);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        _handler.Status.Calls.ShouldBe(1);

        (await client.GetStatusAsync("r1")).QueuePosition.ShouldBe(2);
        _handler.Status.Calls.ShouldBe(4);
    }

    [Fact]
    public async Task A_cancelled_token_ends_the_wait_on_a_Retry_After_at_once()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10), _time);
        _handler.Result.Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "45"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Catch.ExceptionAsync<OperationCanceledException>(() => client.GetResultAsync("r1", cancellationToken: cts.Token));

        error.CancellationToken.ShouldBe(cts.Token);
        _handler.Result.Calls.ShouldBe(1);
        _time.Delays.ShouldBe([TimeSpan.FromSeconds(45)]);
    }

    [Fact]
    public async Task A_rate_limited_submit_ends_with_the_429_once_the_total_is_spent_and_is_never_resent_beyond_it()
    {
        _handler.Submit.Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "50"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.ShouldNotBeOfType<SubmitOutcomeUnknownException>();
        error.Status.ShouldBe(429);
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(50));
        _handler.Submit.Calls.ShouldBe(2);
        _time.Elapsed.ShouldBe(TimeSpan.FromSeconds(50));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(24 * 60 * 60 + 1)]
    public void The_total_must_be_between_zero_and_one_day(int seconds)
    {
        var options = new RunComfyClientOptions { BaseAddress = new Uri(Wire.Base) };
        options.Retry.MaxTotalRetryAfter = TimeSpan.FromSeconds(seconds);

        var error = Should.Throw<ArgumentOutOfRangeException>(() => new RunComfyClient(TestClient.Token, options));

        error.Message.ShouldContain("MaxTotalRetryAfter at most 1 day");
    }

    private FakeRoute Route(string operation) => operation switch
    {
        "status" => _handler.Status,
        "result" => _handler.Result,
        _ => _handler.Cancel,
    };

    private static Task Call(RunComfyClient client, string operation) => operation switch
    {
        "status" => client.GetStatusAsync("r1"),
        "result" => client.GetResultAsync("r1"),
        _ => client.CancelAsync("r1"),
    };

    private static string HttpDate(DateTimeOffset when) => when.ToString("r", CultureInfo.InvariantCulture);
}
