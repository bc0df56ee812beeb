using System.Net.Http;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>The token goes into the Authorization header and nowhere else: not a message, a log line or ToString.</summary>
public sealed class TokenRedactionTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();
    private readonly ListLogger _logger = new();

    [Fact]
    public async Task No_message_log_line_or_ToString_contains_the_token_on_any_path()
    {
        var texts = new List<string>();
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 1, _logger);
        texts.Add(client.ToString());

        // The server echoes the token back in its messages: it must be scrubbed.
        _handler.Submit
            .Json(401, $$"""{"error_code":400004,"error_message":"token {{TestClient.Token}} revoked","detail":[{"loc":["header","authorization"],"msg":"Bearer {{TestClient.Token}} is invalid"}]}""");
        texts.Add((await Should.ThrowAsync<RunComfyException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()))).ToString());

        _handler.Submit.Json(500, """{"message":"boom"}""");
        texts.Add((await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()))).ToString());

        _handler.Submit.Throw(Network.ResetMidway);
        texts.Add((await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()))).ToString());

        _handler.Status.Text(502, $"upstream said Authorization: Bearer {TestClient.Token}");
        texts.Add((await Should.ThrowAsync<RunComfyException>(() => client.GetStatusAsync("r1"))).ToString());

        _handler.Result.Throw(Network.ConnectionRefused);
        texts.Add((await Should.ThrowAsync<RunComfyException>(() => client.GetResultAsync("r1"))).ToString());

        _handler.Submit.Ok(Wire.Submitted("r2"));
        _handler.Status.Ok(Wire.Status("r2", "in_queue", 1));
        _handler.Cancel.Ok(Wire.CancelAnswer("r2", "cancelled"));
        texts.Add((await Should.ThrowAsync<RunComfyTimeoutException>(() => client.RunAsync(
            TestSeedreamEditRequest.Valid(), new RunOptions { Timeout = TimeSpan.FromSeconds(5) }))).ToString());

        texts.Add(_logger.AllText);
        _logger.Lines.Count.ShouldBeGreaterThan(5);
        foreach (var text in texts)
        {
            text.ShouldNotContain(TestClient.Token);
        }

        texts[1].ShouldContain("token *** revoked");
        _handler.Requests.ShouldAllBe(r => r.Authorization == "Bearer " + TestClient.Token);
    }

    [Fact]
    public void A_malformed_token_is_refused_without_echoing_it()
    {
        const string bad = "rc_live_SECRET with space";

        var error = Should.Throw<ArgumentException>(() => new RunComfyClient(bad, new HttpClient(_handler), new RunComfyClientOptions(), null, _ => null));

        error.ToString().ShouldNotContain("SECRET");
    }

    [Fact]
    public void Options_and_client_do_not_print_the_token()
    {
        var options = new RunComfyClientOptions { Token = TestClient.Token, BaseAddress = new Uri(Wire.Base) };
        using var client = new RunComfyClient(new HttpClient(_handler), options);

        options.ToString()!.ShouldNotContain(TestClient.Token);
        client.ToString().ShouldBe("RunComfyClient(https://model-api.runcomfy.net/)");
    }
}
