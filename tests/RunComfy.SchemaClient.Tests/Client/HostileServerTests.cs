using System.Text;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;
using RunComfy.SchemaClient.Tests.Hostile;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>
/// The client against a misbehaving API on loopback (<see cref="HostileServer"/>): the token never leaks,
/// a request id is always one safe path segment, a 2xx submit is never misreported, and no server delay
/// throws or stalls. Waits run on the virtual clock, so nothing sleeps.
/// </summary>
public sealed class HostileServerTests : IAsyncDisposable
{
    private const string Token = TestClient.Token;

    private readonly HostileServer _server = HostileServer.Start();
    private readonly VirtualTimeProvider _time = new();
    private readonly ListLogger _logger = new();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private RunComfyClient CreateClient(Action<RunComfyClientOptions>? configure = null)
    {
        var options = new RunComfyClientOptions
        {
            BaseAddress = _server.BaseAddress,
            TimeProvider = _time,
            MediaValidation = new MediaValidationOptions { ProbeRemoteUrls = false },
        };
        configure?.Invoke(options);
        return new RunComfyClient(Token, httpClient: null, options, _logger, _ => null);
    }

    /// <summary>Neither the token nor its first half appears in any of the texts.</summary>
    private static void ShouldHoldNoToken(params string?[] texts)
    {
        foreach (var text in texts)
        {
            text.ShouldNotBeNull();
            text.ShouldNotContain(Token);
            text.ShouldNotContain(Token[..(Token.Length / 2)]);
        }
    }

    private static string Everything(Exception e) => $"{e.Message}\n{e}\n{(e as RunComfyException)?.ServerMessage}\n{(e as RunComfyException)?.Detail}";

    [Fact]
    public async Task A_reason_phrase_holding_the_token_is_redacted()
    {
        _server.Status.Answer(HostileAnswer.Json(401, """{"error_code":400004,"error_message":"token revoked"}""").WithReason($"Unauthorized token {Token}"));
        using var client = CreateClient();

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.GetType().ShouldBe(typeof(RunComfyException));
        error.Message.ShouldContain("(Unauthorized token ***)");
        ShouldHoldNoToken(Everything(error), _logger.AllText);
    }

    [Fact]
    public async Task A_token_crossing_the_excerpt_cut_is_redacted_whole()
    {
        // The token starts at character 190 of a body cut at 200: a cut before redaction would keep its first part.
        _server.Status.Answer(HostileAnswer.Text(400, new string('x', 190) + Token + " and more text after it"));
        using var client = CreateClient();

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.GetType().ShouldBe(typeof(RunComfyException));
        error.Message.ShouldContain(new string('x', 190) + "***");
        ShouldHoldNoToken(Everything(error));
    }

    [Fact]
    public async Task An_invalid_status_line_quoting_the_token_leaves_it_out_of_the_cause_too()
    {
        // Not an HTTP status line: HttpClient refuses it and quotes it, token included, in its own message.
        _server.Status.Answer(HostileAnswer.Json(200, "{}").WithStatusLine($"HTTP/1.1-Unauthorized {Token}"));
        using var client = CreateClient(o => o.Retry.MaxRetries = 0);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.GetType().ShouldBe(typeof(RunComfyException));
        error.Message.ShouldContain($"Unauthorized {ServerTextMask}", Case.Sensitive, error.ToString());
        error.InnerException.ShouldNotBeNull();
        ShouldHoldNoToken(Everything(error), _logger.AllText);
    }

    [Fact]
    public async Task A_token_written_with_json_escapes_in_an_unreadable_body_is_redacted()
    {
        _server.Status.Answer(HostileAnswer.Json(400, $$"""{"error_message":"bad \u0072{{Token[1..]}}" """));
        using var client = CreateClient();

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.Message.ShouldContain("bad ***");
        ShouldHoldNoToken(Everything(error));
        error.Message.ShouldNotContain(Token[1..]);
    }

    [Fact]
    public async Task An_error_code_full_of_escape_sequences_is_cleaned()
    {
        _server.Status.Answer(HostileAnswer.Json(400, """{"error_code":"\u001b[2J4000\u0007","error_message":"no"}"""));
        using var client = CreateClient();

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"));

        error.ErrorCode.ShouldBe("4000");
        error.Message.ShouldNotContain("\u001b");
    }

    [Fact]
    public async Task Error_message_detail_and_fields_holding_the_token_are_redacted_even_when_json_escaped()
    {
        // "\u0072" is "r": the token only appears once the JSON is decoded.
        var escaped = "\\u0072" + Token[1..];
        _server.Submit.Answer(HostileAnswer.Json(422, $$"""
            {"error_code":422001,"error_message":"bad token {{escaped}}","detail":[{"loc":["body","prompt"],"msg":"echo {{escaped}}","type":"value_error"}]}
            """));
        using var client = CreateClient();

        var error = await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.GetType().ShouldBe(typeof(RunComfyException));
        error.ServerMessage.ShouldBe("bad token ***");
        error.FieldErrors.ShouldHaveSingleItem().ShouldBe(new RunComfyFieldError("prompt", "echo ***", "value_error"));
        ShouldHoldNoToken(Everything(error), string.Join(";", error.FieldErrors), _logger.AllText);
    }

    [Fact]
    public async Task Failed_polls_never_put_the_token_into_a_log_line_or_a_progress_report()
    {
        _server.Status.Answer(HostileAnswer.Text(503, $"upstream echoed Bearer {Token}").WithReason($"Unavailable {Token}"));
        var progress = new ListProgress();
        using var client = CreateClient(o => o.Retry.MaxRetries = 1);

        var error = await Should.ThrowAsync<RunComfyPollingFailedException>(() =>
            client.WaitAsync("r1", new RunOptions { Progress = progress, MaxConsecutivePollFailures = 2, CancelQueuedRequestOnAbort = false }));

        error.GetType().ShouldBe(typeof(RunComfyPollingFailedException));
        _logger.AllText.ShouldContain("Polling request r1 failed");
        ShouldHoldNoToken(Everything(error), _logger.AllText, string.Join("\n", progress.Reports.Select(r => r.LastError?.ToString() ?? "")));
        _server.Requests.ShouldAllBe(r => r.Authorization == "Bearer " + Token);
    }

    [Fact]
    public async Task A_failure_message_with_the_token_and_terminal_escapes_reaches_the_exception_clean()
    {
        _server.Status.Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"failed"}"""));
        _server.Result.Answer(HostileAnswer.Json(200, $$"""{"request_id":"r1","status":"failed","error":"\u001b]0;TITLE\u0007\u001b[2J\r\u001b[1Aboom {{Token}}"}"""));
        using var client = CreateClient();

        var error = await Should.ThrowAsync<RunComfyJobFailedException>(() => client.WaitAsync("r1"));

        error.Message.ShouldBe("Request 'r1' failed: boom ***.");
        ShouldHoldNoToken(Everything(error), error.Result.RawJson, error.Result.Error!.Message);
    }

    [Fact]
    public async Task An_unknown_status_full_of_escape_sequences_is_cleaned_in_the_message_and_the_log()
    {
        _server.Status.Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"\u001b]0;TITLE\u0007\u001b[2Jodd"}"""));
        using var client = CreateClient();

        var error = await Should.ThrowAsync<UnknownRequestStateException>(() =>
            client.WaitAsync("r1", new RunOptions { UnknownStatusLimit = 0, CancelQueuedRequestOnAbort = false }));

        error.Message.ShouldContain("the status 'odd'");
        error.RawStatus.ShouldBe("\u001b]0;TITLE\u0007\u001b[2Jodd");
        _logger.AllText.ShouldNotContain("\u001b");
    }

    private static readonly string[] UnsafeIds =
    [
        ".", "..", "a/b", "../../etc", "a\\b", "a?b", "a#b", "a%2Fb", "a b", "a\tb", "a\u0000b", "a\u001bb", "a\u0085b",
        "abc\ud800", "\udc00abc", "a\u202eb", "", new string('a', 257),
    ];

    [Fact]
    public async Task An_unsafe_request_id_is_refused_as_an_argument_and_nothing_is_sent()
    {
        using var client = CreateClient();
        var calls = new (string Name, Func<string, Task> Call)[]
        {
            ("GetStatusAsync", id => client.GetStatusAsync(id)),
            ("GetResultAsync", id => client.GetResultAsync(id)),
            ("CancelAsync", id => client.CancelAsync(id)),
            ("WaitAsync", id => client.WaitAsync(id)),
        };

        foreach (var id in UnsafeIds)
        {
            foreach (var (name, call) in calls)
            {
                var error = await Should.ThrowAsync<ArgumentException>(() => call(id), $"{name}({RequestIdsShow(id)})");
                error.ParamName.ShouldBe("requestId");
                error.Message.ShouldContain("is not a request id");
            }
        }

        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_longest_safe_request_id_is_accepted()
    {
        var id = new string('a', 256);
        _server.Status.Answer(HostileAnswer.Json(200, $$"""{"request_id":"{{id}}","status":"in_queue"}"""));
        using var client = CreateClient();

        (await client.GetStatusAsync(id)).State.ShouldBe(RunComfyRequestState.InQueue);
        _server.Requests.ShouldHaveSingleItem().Path.ShouldBe($"/v1/requests/{id}/status");
    }

    public static TheoryData<string, string> UnusableSubmitAnswers() => new()
    {
        { "lone surrogate", """{"request_id":"abc\ud800"}""" },
        { "slash", """{"request_id":"a/b"}""" },
        { "dot dot", """{"request_id":".."}""" },
        { "whitespace", """{"request_id":"a b"}""" },
        { "escape sequence", """{"request_id":"\u001b[2J"}""" },
        { "too long", $$"""{"request_id":"{{new string('a', 257)}}"}""" },
        { "truncated JSON", """{"request_id":"abc""" },
        { "not JSON", "<html>bad gateway</html>" },
        { "empty", "" },
    };

    [Theory]
    [MemberData(nameof(UnusableSubmitAnswers))]
    public async Task A_2xx_submit_answer_without_a_usable_id_is_outcome_unknown_and_not_resent(string why, string body)
    {
        _server.Submit.Answer(HostileAnswer.Json(200, body));
        using var client = CreateClient();

        var error = await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()), why);

        error.Status.ShouldBe(200);
        error.RequestId.ShouldBeNull();
        error.Message.ShouldNotContain("\u001b");
        _server.Requests.Count(r => r.Method == "POST").ShouldBe(1);
    }

    [Fact]
    public async Task A_2xx_submit_answer_in_invalid_utf8_is_outcome_unknown()
    {
        var body = Encoding.UTF8.GetBytes("""{"request_id":"ab""").Concat(new byte[] { 0xff, 0xfe }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        _server.Submit.Answer(HostileAnswer.Bytes(200, body, "application/json"));
        using var client = CreateClient();

        var error = await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.RunAsync(TestSeedreamEditRequest.Valid()));

        error.RequestId.ShouldBeNull();
        _server.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task Invalid_utf8_in_a_status_answer_is_an_unknown_state_not_an_exception()
    {
        var body = Encoding.UTF8.GetBytes("""{"request_id":"r1","status":"in_""").Concat(new byte[] { 0xff }).Concat(Encoding.UTF8.GetBytes("\"}")).ToArray();
        _server.Status.Answer(HostileAnswer.Bytes(200, body, "application/json"));
        using var client = CreateClient();

        var status = await client.GetStatusAsync("r1");

        status.State.ShouldBe(RunComfyRequestState.Unknown);
        status.RawStatus.ShouldBe("in_\ufffd");
    }

    [Fact]
    public async Task A_status_answer_naming_another_request_id_does_not_redirect_later_calls()
    {
        _server.Status.Answer(HostileAnswer.Json(200, """{"request_id":"../../other","status":"completed"}"""));
        _server.Result.Answer(HostileAnswer.Json(200, """{"request_id":"../../other","status":"completed","output":{"image":"https://cdn.runcomfy.net/a.png"}}"""));
        using var client = CreateClient();

        var result = await client.WaitAsync("r1");

        result.RequestId.ShouldBe("r1");
        _server.Requests.Select(r => r.Path).ShouldBe(["/v1/requests/r1/status", "/v1/requests/r1/result"]);
    }

    [Fact]
    public async Task A_long_Retry_After_on_a_200_status_answer_is_honoured_only_up_to_the_maximum()
    {
        _server.Status
            .Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"in_progress"}""").WithRetryAfter("600"))
            .Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"completed"}"""));
        _server.Result.Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"completed","output":{"image":"https://cdn.runcomfy.net/a.png"}}"""));
        using var client = CreateClient();

        var result = await client.WaitAsync("r1", new RunOptions { Timeout = null });

        result.State.ShouldBe(RunComfyRequestState.Completed);
        _time.Delays.ShouldContain(TimeSpan.FromSeconds(60));
        _time.Delays.ShouldAllBe(d => d <= TimeSpan.FromSeconds(60));
    }

    public static TheoryData<string, int> HugeRetryAfters() => new()
    {
        { "5000000", 503 },
        { "5000000", 429 },
        { "2147483647", 503 },
        { "Fri, 31 Dec 9999 23:59:59 GMT", 503 },
        { "Sat, 01 Jan 2050 00:00:00 GMT", 429 },
    };

    [Theory]
    [MemberData(nameof(HugeRetryAfters))]
    public async Task A_huge_Retry_After_neither_throws_nor_stalls(string retryAfter, int status)
    {
        _server.Status
            .Answer(HostileAnswer.Json(status, """{"error_code":503000,"error_message":"later"}""").WithRetryAfter(retryAfter))
            .Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"completed"}"""));
        _server.Result.Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"completed","output":{"image":"https://cdn.runcomfy.net/a.png"}}"""));
        using var client = CreateClient();

        var result = await client.WaitAsync("r1", new RunOptions { Timeout = null });

        result.State.ShouldBe(RunComfyRequestState.Completed);
        _time.Delays.ShouldAllBe(d => d <= TimeSpan.FromSeconds(60));
        _time.Elapsed.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(61));
    }

    [Fact]
    public async Task A_Retry_After_beyond_the_run_timeout_ends_the_wait_at_the_timeout()
    {
        _server.Status.Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"in_queue","queue_position":1}""").WithRetryAfter("600"));
        _server.Cancel.Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"cancelled","outcome":"cancelled"}"""));
        using var client = CreateClient();

        var error = await Should.ThrowAsync<RunComfyTimeoutException>(() => client.WaitAsync("r1", new RunOptions { Timeout = TimeSpan.FromSeconds(30) }));

        error.RequestId.ShouldBe("r1");
        error.CancelOutcome.ShouldBe(CancelOutcome.Cancelled);
        _time.Elapsed.ShouldBeLessThanOrEqualTo(TimeSpan.FromSeconds(31));
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("http://10.0.0.5:8080")]
    public void The_token_is_never_sent_over_plain_http_to_a_host_that_is_not_loopback(string address)
    {
        var error = Should.Throw<ArgumentException>(() =>
            new RunComfyClient(Token, httpClient: null, new RunComfyClientOptions { BaseAddress = new Uri(address) }, null, _ => null));

        error.Message.ShouldContain("must use HTTPS");
        ShouldHoldNoToken(error.ToString());
    }

    [Theory]
    [InlineData("https://user:rc_live_PASTED_SECRET@model-api.runcomfy.net")]
    [InlineData("http://user:rc_live_PASTED_SECRET@example.com")]
    [InlineData("https://model-api.runcomfy.net/?token=rc_live_PASTED_SECRET")]
    public void A_base_address_carrying_a_credential_is_refused_without_echoing_it(string address)
    {
        var error = Should.Throw<ArgumentException>(() =>
            new RunComfyClient(Token, httpClient: null, new RunComfyClientOptions { BaseAddress = new Uri(address) }, null, _ => null));

        error.ToString().ShouldNotContain("PASTED_SECRET");
    }

    private const string ServerTextMask = RunComfy.Client.Wire.ServerText.Mask;

    private static string RequestIdsShow(string id) => RunComfy.Client.Wire.RequestIds.Show(id);
}
