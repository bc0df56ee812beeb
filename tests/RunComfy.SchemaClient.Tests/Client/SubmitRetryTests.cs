using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>A submit is sent again only when the server certainly did not take it; never after an ambiguous failure.</summary>
public sealed class SubmitRetryTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();

    [Fact]
    public async Task A_429_is_retried_after_the_Retry_After_seconds_with_the_same_body()
    {
        _handler.Submit
            .Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "7"))
            .Ok(Wire.Submitted("r1"));
        using var client = TestClient.Create(_handler, _time);
        var request = TestSeedreamEditRequest.Valid();

        var handle = await client.SubmitAsync(request);

        handle.RequestId.ShouldBe("r1");
        _handler.Requests.Count.ShouldBe(2);
        _handler.Requests.Select(r => r.Body).Distinct().ShouldHaveSingleItem();
        request.WriteCount.ShouldBe(1);
        _time.Delays.ShouldBe([TimeSpan.FromSeconds(7)]);
    }

    [Fact]
    public async Task A_Retry_After_given_as_an_http_date_is_honoured()
    {
        var date = (VirtualTimeProvider.Epoch + TimeSpan.FromSeconds(30)).ToString("r");
        _handler.Submit
            .Json(429, Wire.Error(429001, "slow down"), r => r.Headers.TryAddWithoutValidation("Retry-After", date))
            .Ok(Wire.Submitted("r1"));
        using var client = TestClient.Create(_handler, _time);

        await client.SubmitAsync(TestSeedreamEditRequest.Valid());

        _time.Delays.ShouldBe([TimeSpan.FromSeconds(30)]);
        _handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_429_without_Retry_After_is_retried_with_backoff()
    {
        _handler.Submit.Json(429, Wire.Error(429001, "slow down")).Ok(Wire.Submitted("r1"));
        using var client = TestClient.Create(_handler, _time);

        await client.SubmitAsync(TestSeedreamEditRequest.Valid());

        _handler.Requests.Count.ShouldBe(2);
        _time.Delays.ShouldHaveSingleItem().ShouldBeInRange(TimeSpan.Zero, TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task A_200_carrying_a_429_code_is_retried_like_a_429()
    {
        _handler.Submit.Ok(Wire.Error(429001, "rate limited")).Ok(Wire.Submitted("r1"));
        using var client = TestClient.Create(_handler, _time);

        (await client.SubmitAsync(TestSeedreamEditRequest.Valid())).RequestId.ShouldBe("r1");

        _handler.Requests.Count.ShouldBe(2);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_because_nothing_was_sent()
    {
        _handler.Submit.Throw(Network.ConnectionRefused).Throw(Network.NameNotResolved).Ok(Wire.Submitted("r1"));
        using var client = TestClient.Create(_handler, _time);

        var handle = await client.SubmitAsync(TestSeedreamEditRequest.Valid());

        handle.RequestId.ShouldBe("r1");
        _handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task When_the_server_stays_unreachable_the_error_says_nothing_was_sent()
    {
        _handler.Submit.Throw(Network.ConnectionRefused);
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 2);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.ShouldNotBeOfType<SubmitOutcomeUnknownException>();
        error.Status.ShouldBeNull();
        error.IsTransient.ShouldBeTrue();
        error.Message.ShouldContain("not sent");
        _handler.Requests.Count.ShouldBe(3);
    }

    [Fact]
    public async Task When_429_persists_the_error_is_a_definite_429()
    {
        _handler.Submit.Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "1"));
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 3);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.ShouldNotBeOfType<SubmitOutcomeUnknownException>();
        error.Status.ShouldBe(429);
        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(1));
        _handler.Requests.Count.ShouldBe(4);
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_limit_ends_the_retries()
    {
        _handler.Submit.Json(429, Wire.Error(429001, "come back tomorrow"), r => r.Headers.Add("Retry-After", "86000"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.RetryAfter.ShouldBe(TimeSpan.FromSeconds(86000));
        _handler.Requests.Count.ShouldBe(1);
        _time.Delays.ShouldBeEmpty();
    }

    public static TheoryData<string> AmbiguousFailures => ["reset", "connection reset", "timeout"];

    [Theory]
    [MemberData(nameof(AmbiguousFailures))]
    public async Task After_a_failure_mid_way_the_submit_is_never_resent(string failure)
    {
        var requestTimeout = TimeSpan.FromSeconds(60);
        switch (failure)
        {
            case "reset":
                _handler.Submit.Throw(Network.ResetMidway);
                break;
            case "connection reset":
                _handler.Submit.Throw(Network.ConnectionReset);
                break;
            default:
                _handler.Submit.Then(Network.HangUntilTimeout(_time, requestTimeout));
                break;
        }

        _handler.Submit.Ok(Wire.Submitted("second"));
        using var client = TestClient.Create(_handler, _time, o => o.RequestTimeout = requestTimeout);

        var error = await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.Message.ShouldContain("The job may exist");
        error.Message.ShouldContain("NOT sent again");
        error.Status.ShouldBeNull();
        error.InnerException.ShouldNotBeNull();
        _handler.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task After_a_5xx_the_submit_is_never_resent(int status)
    {
        // A 503, even with Retry-After, may come from a proxy whose upstream already took the request.
        _handler.Submit.Json(status, """{"message":"upstream trouble"}""", r => r.Headers.Add("Retry-After", "1")).Ok(Wire.Submitted("second"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.Status.ShouldBe(status);
        error.Reason.ShouldContain($"HTTP {status}");
        error.Reason.ShouldContain("upstream trouble");
        _handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_200_carrying_a_5xx_class_code_is_an_unknown_outcome()
    {
        _handler.Submit.Ok(Wire.Error(500001, "The request failed.")).Ok(Wire.Submitted("second"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.Status.ShouldBe(200);
        error.ErrorCode.ShouldBe("500001");
        _handler.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData(400, 400001)]
    [InlineData(400, 400002)]
    [InlineData(402, 400002)]
    [InlineData(401, 400004)]
    [InlineData(200, 400002)]
    public async Task A_definite_rejection_is_a_plain_error_and_is_not_resent(int status, int code)
    {
        _handler.Submit.Json(status, Wire.Error(code, "rejected"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.ShouldNotBeOfType<SubmitOutcomeUnknownException>();
        error.Status.ShouldBe(status);
        error.ErrorCode.ShouldBe(code.ToString());
        error.IsTransient.ShouldBeFalse();
        _handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelled_while_in_flight_the_exception_says_the_job_may_exist()
    {
        using var cts = new CancellationTokenSource();
        _handler.Submit.Then(async (_, token) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            throw new InvalidOperationException("unreachable");
        });
        using var client = TestClient.Create(_handler, _time);

        var error = await Catch.ExceptionAsync<RunComfyCanceledException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid(), cts.Token));

        error.SubmitOutcomeUnknown.ShouldBeTrue();
        error.CancellationToken.ShouldBe(cts.Token);
        error.Message.ShouldContain("may exist");
        _handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Cancelled_during_a_retry_delay_is_a_plain_cancellation_because_nothing_was_taken()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(5), _time);
        _handler.Submit.Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "10"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Catch.ExceptionAsync<OperationCanceledException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid(), cts.Token));

        error.ShouldNotBeOfType<RunComfyCanceledException>();
        _handler.Requests.Count.ShouldBe(1);
    }
}
