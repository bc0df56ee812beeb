using System.Text.Json;
using RunComfy.Cli.Rendering;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;
using RunComfy.SchemaClient.Tests.Hostile;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>
/// The CLI against a misbehaving API on loopback (<see cref="HostileServer"/>): the exit code of each case,
/// and the token nowhere in stdout, stderr (text and <c>--json</c>) or the journal.
/// </summary>
public sealed class HostileServerCliTests : IAsyncDisposable
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private const string Token = "rc_live_CLI_S3CR3T_0123456789abcdef";

    private readonly CliHarness _cli = new();
    private readonly HostileServer _server = HostileServer.Start();

    public HostileServerCliTests() => File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    private string Base => _server.BaseAddress.ToString();

    private Task<CliRun> RunAsync(params string[] args) => _cli.RunAsync([.. args, "--token", Token]);

    private Task<CliRun> SubmitAsync(params string[] extra) =>
        RunAsync(["run", Edit, "--base-address", Base, "--input", "prompt=p", "--input", "images=@cat.png", .. extra]);

    /// <summary>The token is in none of stdout, stderr and the journal; no escape or other control character was printed.</summary>
    private void ShouldBeClean(CliRun run)
    {
        var journal = File.Exists(_cli.JournalPath) ? File.ReadAllText(_cli.JournalPath) : "";
        foreach (var text in new[] { run.Out, run.Error, journal })
        {
            text.ShouldNotContain(Token);
            text.ShouldNotContain(Token[..12]);
            text.Where(c => char.IsControl(c) && c is not '\n' and not '\r').ShouldBeEmpty(run.ToString());
        }

        // In --json output a control character would be escaped, then decoded by whoever reads it.
        if (run.Out.TrimStart().StartsWith('{'))
        {
            using var document = JsonDocument.Parse(run.Out);
            Strings(document.RootElement).SelectMany(s => s).Where(char.IsControl).ShouldBeEmpty(run.ToString());
        }
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    [Fact]
    public async Task A_reason_phrase_holding_the_token_never_reaches_the_output()
    {
        _server.Status.Answer(HostileAnswer.Json(401, """{"error_code":400004,"error_message":"revoked"}""").WithReason($"Unauthorized token {Token}"));

        var text = await RunAsync("status", "r1", "--base-address", Base);
        var json = await RunAsync("status", "r1", "--base-address", Base, "--json");

        text.ExitCode.ShouldBe(77, text.ToString());
        text.Error.ShouldContain("Unauthorized token ***");
        json.ExitCode.ShouldBe(77, json.ToString());
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("error").GetProperty("message").GetString()!.ShouldContain("Unauthorized token ***");
        ShouldBeClean(text);
        ShouldBeClean(json);
    }

    public static TheoryData<string, string> UnusableSubmitAnswers() => new()
    {
        { "lone surrogate", """{"request_id":"abc\ud800"}""" },
        { "slash", """{"request_id":"a/b"}""" },
        { "dot dot", """{"request_id":".."}""" },
        { "escape sequence", """{"request_id":"\u001b]0;TITLE\u0007"}""" },
        { "unreadable JSON", """{"request_id": "abc""" },
    };

    [Theory]
    [MemberData(nameof(UnusableSubmitAnswers))]
    public async Task A_2xx_submit_answer_without_a_usable_id_exits_76_and_is_journaled_as_outcome_unknown(string why, string body)
    {
        _server.Submit.Answer(HostileAnswer.Json(200, body));

        var text = await SubmitAsync();
        var json = await SubmitAsync("--json");

        text.ExitCode.ShouldBe(76, $"{why}: {text}");
        text.Error.ShouldContain("Never retry it automatically");
        json.ExitCode.ShouldBe(76, $"{why}: {json}");
        JsonDocument.Parse(json.Out).RootElement.GetProperty("error").GetProperty("exit_code").GetInt32().ShouldBe(76);
        _server.Requests.Count(r => r.Method == "POST").ShouldBe(2);
        var journal = File.ReadAllLines(_cli.JournalPath).Select(line => JsonDocument.Parse(line).RootElement).ToList();
        journal.Count(line => line.GetProperty("state").GetString() == "outcome_unknown").ShouldBe(2);
        journal.Where(line => line.TryGetProperty("request_id", out var id)).ShouldBeEmpty();
        ShouldBeClean(text);
        ShouldBeClean(json);
    }

    [Fact]
    public async Task Commands_given_an_unsafe_request_id_exit_65_and_send_nothing()
    {
        foreach (var (command, id) in new[] { ("status", ".."), ("cancel", ".."), ("result", "a/b"), ("wait", "abc\ud800"), ("cancel", "a?b"), ("status", "%2e%2e") })
        {
            var run = await RunAsync(command, id, "--base-address", Base);

            run.ExitCode.ShouldBe(65, $"{command} {id}: {run}");
            run.Error.ShouldContain("is not a request id");
            ShouldBeClean(run);
        }

        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_huge_Retry_After_ends_the_wait_at_its_timeout_with_exit_75()
    {
        _server.Status.Answer(HostileAnswer.Json(503, """{"error_code":503000,"error_message":"later"}""").WithRetryAfter("5000000"));

        var run = await RunAsync("wait", "r1", "--base-address", Base, "--timeout", "2s");

        run.ExitCode.ShouldBe(75, run.ToString());
        // The elapsed time is printed in whole seconds; on a loaded machine the 2 s timeout may show as 3s.
        run.Error.ShouldMatch(@"Stopped waiting after \d+s; r1 is ");
        ShouldBeClean(run);
    }

    [Fact]
    public async Task A_long_Retry_After_on_a_status_answer_does_not_outlast_the_timeout()
    {
        _server.Status.Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"in_progress"}""").WithRetryAfter(DateTimeOffset.UtcNow.AddHours(1)));

        var run = await RunAsync("wait", "r1", "--base-address", Base, "--timeout", "2s");

        // The hour-long Retry-After is cut to the 2 s left, and a wait that reaches the deadline ends the run there:
        // the first poll only, never one as the timeout fires, an hour later, or a wait past the timeout.
        run.ExitCode.ShouldBe(75, run.ToString());
        _server.Requests.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_journaled_loopback_address_gets_the_token_only_when_given_again()
    {
        _server.Submit.Answer(HostileAnswer.Json(200, """{"request_id":"req-1"}"""));
        _server.Status.Answer(HostileAnswer.Json(200, """{"request_id":"req-1","status":"in_queue"}"""));
        (await SubmitAsync("--no-wait")).ExitCode.ShouldBe(0);

        var implicitAddress = await RunAsync("status", "req-1");

        implicitAddress.ExitCode.ShouldBe(64, implicitAddress.ToString());
        implicitAddress.Error.ShouldContain($"add --base-address {Base}");
        _server.Requests.ShouldHaveSingleItem().Method.ShouldBe("POST");

        var explicitAddress = await RunAsync("status", "req-1", "--base-address", Base);

        explicitAddress.ExitCode.ShouldBe(0, explicitAddress.ToString());
        explicitAddress.Out.ShouldBe($"req-1: in_queue{Environment.NewLine}");
    }

    [Fact]
    public async Task An_explicit_address_flag_or_environment_wins_over_the_journaled_one()
    {
        await using var other = HostileServer.Start();
        other.Status.Answer(HostileAnswer.Json(200, """{"request_id":"req-1","status":"in_progress"}"""));
        _server.Submit.Answer(HostileAnswer.Json(200, """{"request_id":"req-1"}"""));
        (await SubmitAsync("--no-wait")).ExitCode.ShouldBe(0);

        var byFlag = await RunAsync("status", "req-1", "--base-address", other.BaseAddress.ToString());
        _cli.Environment["RUNCOMFY_MODEL_API_BASE"] = other.BaseAddress.ToString();
        var byEnvironment = await RunAsync("status", "req-1");

        byFlag.ExitCode.ShouldBe(0, byFlag.ToString());
        byEnvironment.ExitCode.ShouldBe(0, byEnvironment.ToString());
        other.Requests.Count.ShouldBe(2);
        _server.Requests.ShouldHaveSingleItem().Method.ShouldBe("POST");
    }

    [Fact]
    public async Task Plain_http_to_a_host_that_is_not_loopback_is_refused_from_the_environment_and_the_journal()
    {
        _cli.Environment["RUNCOMFY_MODEL_API_BASE"] = "http://example.com";
        var fromEnvironment = await RunAsync("status", "req-1");
        _cli.Environment.Remove("RUNCOMFY_MODEL_API_BASE");
        Directory.CreateDirectory(_cli.DataDirectory);
        await File.WriteAllTextAsync(_cli.JournalPath,
            """{"request_id":"req-2","model_id":"m","state":"submitted","base_address":"http://10.1.2.3/","at":"2030-01-01T00:00:00+00:00"}""" + "\n");
        var fromJournal = await RunAsync("status", "req-2");

        fromEnvironment.ExitCode.ShouldBe(64, fromEnvironment.ToString());
        fromEnvironment.Error.ShouldContain("must use HTTPS");
        fromJournal.ExitCode.ShouldBe(64, fromJournal.ToString());
        fromJournal.Error.ShouldContain("must use HTTPS");
    }

    [Fact]
    public async Task Escape_sequences_in_a_status_are_stripped_from_text_json_and_the_journal()
    {
        _server.Submit.Answer(HostileAnswer.Json(200, """{"request_id":"req-1"}"""));
        _server.Status.Answer(HostileAnswer.Json(200, """{"request_id":"req-1","status":"\u001b]0;TITLE\u0007\u001b[2Jsneaky\u009b31m"}"""));
        (await SubmitAsync("--no-wait")).ExitCode.ShouldBe(0);

        var text = await RunAsync("status", "req-1", "--base-address", Base);
        var json = await RunAsync("status", "req-1", "--base-address", Base, "--json");

        text.ExitCode.ShouldBe(0, text.ToString());
        text.Out.ShouldBe($"req-1: unknown: sneaky{Environment.NewLine}");
        JsonDocument.Parse(json.Out).RootElement.GetProperty("state").GetString().ShouldBe("unknown: sneaky");
        ShouldBeClean(text);
        ShouldBeClean(json);
    }

    [Fact]
    public async Task An_error_message_cannot_overwrite_the_error_line()
    {
        _server.Status.Answer(HostileAnswer.Json(422, """
            {"error_code":422001,"error_message":"\r\u001b[1A\u001b[2K✓ all good","detail":[{"loc":["body","prompt"],"msg":"\u001b[31mred\u001b[0m"}]}
            """));

        var text = await RunAsync("status", "r1", "--base-address", Base);
        var json = await RunAsync("status", "r1", "--base-address", Base, "--json");

        text.ExitCode.ShouldBe(65, text.ToString());
        text.Error.ShouldContain("Server message: \"✓ all good\"");
        text.Error.ShouldContain("  - prompt: red");
        json.ExitCode.ShouldBe(65, json.ToString());
        ShouldBeClean(text);
        ShouldBeClean(json);
    }

    [Fact]
    public async Task A_failed_job_message_is_printed_without_escape_sequences()
    {
        _server.Result.Answer(HostileAnswer.Json(200, $$"""{"request_id":"r1","status":"failed","error":"\u001b]0;TITLE\u0007boom {{Token}}"}"""));

        var run = await RunAsync("result", "r1", "--base-address", Base);

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("✗ r1 failed: boom ***.");
        ShouldBeClean(run);
    }

    [Fact]
    public async Task A_run_shows_clean_progress_and_names_a_failed_download_without_its_query()
    {
        _server.Submit.Answer(HostileAnswer.Json(200, """{"request_id":"req-1"}"""));
        _server.Status
            .Answer(HostileAnswer.Json(200, """{"request_id":"req-1","status":"\u001b]0;TITLE\u0007"}"""))
            .Answer(HostileAnswer.Json(200, """{"request_id":"req-1","status":"completed"}"""));
        _server.Result.Answer(HostileAnswer.Json(200, $$$"""
            {"request_id":"req-1","status":"completed","output":{"image":"{{{Base}}}out/cat.png?X-Amz-Signature=SIGNATURE_SECRET&token={{{Token}}}"}}
            """));
        _server.On("GET", "/out/*").Answer(HostileAnswer.Text(403, "denied"));

        var run = await SubmitAsync();

        run.ExitCode.ShouldBe(77, run.ToString());
        run.Error.ShouldContain("req-1: unknown");
        run.Error.ShouldContain($"Could not download {Base}out/cat.png: HTTP 403.");
        run.Error.ShouldNotContain("SIGNATURE_SECRET");
        ShouldBeClean(run);
    }

    [Fact]
    public async Task Spectre_markup_in_server_text_is_shown_literally()
    {
        _server.Submit.Answer(HostileAnswer.Json(200, """{"request_id":"req-1"}"""));
        _server.Status.Answer(HostileAnswer.Json(200, """{"request_id":"req-1","status":"[/][bold]odd"}"""));
        (await SubmitAsync("--no-wait")).ExitCode.ShouldBe(0);
        (await RunAsync("status", "req-1", "--base-address", Base)).ExitCode.ShouldBe(0);

        var listed = await RunAsync("requests");

        listed.ExitCode.ShouldBe(0, listed.ToString());
        listed.Out.ShouldContain("[/][bold]odd");
    }

    [Fact]
    public void The_json_writer_escapes_every_control_character()
    {
        var output = new StringWriter();

        JsonOutput.Write(output, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("value", "a\u001b[2Jb\u0007c\u0085d\u009be\u0000f");
            writer.WriteEndObject();
        });

        output.ToString().Where(c => char.IsControl(c) && c is not '\n' and not '\r').ShouldBeEmpty();
        JsonDocument.Parse(output.ToString()).RootElement.GetProperty("value").GetString().ShouldBe("a\u001b[2Jb\u0007c\u0085d\u009be\u0000f");
    }

    [Fact]
    public async Task A_status_that_is_a_known_name_only_after_cleaning_is_shown_as_unknown()
    {
        _server.Status.Answer(HostileAnswer.Json(200, """{"request_id":"r1","status":"\u001b]0;TITLE\u0007\u001b[2Jfailed"}"""));

        var text = await RunAsync("status", "r1", "--base-address", Base);
        var json = await RunAsync("status", "r1", "--base-address", Base, "--json");

        text.Out.ShouldContain("r1: unknown: failed");
        JsonDocument.Parse(json.Out).RootElement.GetProperty("state").GetString().ShouldBe("unknown: failed");
        ShouldBeClean(text);
        ShouldBeClean(json);
    }
}
