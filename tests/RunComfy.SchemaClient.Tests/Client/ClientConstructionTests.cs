using System.Net.Http;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>Token resolution and base address rules (the environment is passed in, so no test touches the process's).</summary>
public sealed class ClientConstructionTests
{
    private readonly FakeHttpHandler _handler = new();

    [Theory]
    [InlineData("given", "options", "api", "plain", "given")]
    [InlineData(null, "options", "api", "plain", "options")]
    [InlineData(null, null, "api", "plain", "api")]
    [InlineData(null, " ", null, "plain", "plain")]
    [InlineData(null, null, "", "plain", "plain")]
    public async Task The_token_comes_from_the_argument_then_the_options_then_RUNCOMFY_API_TOKEN_then_RUNCOMFY_TOKEN(
        string? given, string? inOptions, string? apiVariable, string? plainVariable, string expected)
    {
        var environment = new Dictionary<string, string?> { ["RUNCOMFY_API_TOKEN"] = apiVariable, ["RUNCOMFY_TOKEN"] = plainVariable };
        _handler.Status.Ok(Wire.Status("r1", "in_queue"));
        using var client = new RunComfyClient(
            given, new HttpClient(_handler), new RunComfyClientOptions { Token = inOptions, BaseAddress = new Uri(Wire.Base) }, null, name => environment.GetValueOrDefault(name));

        await client.GetStatusAsync("r1");

        _handler.Requests.Single().Authorization.ShouldBe("Bearer " + expected);
    }

    [Fact]
    public void Without_any_token_the_error_says_where_to_put_one()
    {
        var error = Should.Throw<InvalidOperationException>(() => new RunComfyClient(null, new HttpClient(_handler), null, null, _ => null));

        error.Message.ShouldContain("RUNCOMFY_API_TOKEN");
        error.Message.ShouldContain("RUNCOMFY_TOKEN");
        error.Message.ShouldContain("RunComfyClientOptions.Token");
    }

    [Theory]
    [InlineData("https://model-api.runcomfy.net")]
    [InlineData("http://127.0.0.1:5199")]
    [InlineData("http://localhost:8080/")]
    [InlineData("http://[::1]:5199")]
    public void Https_and_loopback_http_are_accepted(string address)
    {
        using var client = new RunComfyClient("t", new HttpClient(_handler), new RunComfyClientOptions { BaseAddress = new Uri(address) }, null, _ => null);

        client.BaseAddress.AbsoluteUri.ShouldStartWith(new Uri(address).AbsoluteUri.TrimEnd('/'));
        client.BaseAddress.AbsoluteUri.ShouldEndWith("/");
    }

    [Theory]
    [InlineData("http://model-api.runcomfy.net")]
    [InlineData("http://192.168.1.20:5199")]
    [InlineData("ftp://model-api.runcomfy.net")]
    [InlineData("https://model-api.runcomfy.net/?x=1")]
    public void Plain_http_off_loopback_and_other_schemes_are_refused(string address)
    {
        var error = Should.Throw<ArgumentException>(() =>
            new RunComfyClient("t", new HttpClient(_handler), new RunComfyClientOptions { BaseAddress = new Uri(address) }, null, _ => null));

        error.Message.ShouldContain("BaseAddress");
    }

    [Fact]
    public void The_default_base_address_is_the_documented_one()
    {
        using var client = new RunComfyClient("t", new HttpClient(_handler), null, null, _ => null);

        client.BaseAddress.ShouldBe(new Uri("https://model-api.runcomfy.net/"));
    }

    [Fact]
    public async Task RUNCOMFY_MODEL_API_BASE_is_used_when_no_base_address_is_set_and_a_path_prefix_is_kept()
    {
        _handler.Status.Ok(Wire.Status("r1", "in_queue"));
        using var client = new RunComfyClient("t", new HttpClient(_handler), null, null,
            name => name == "RUNCOMFY_MODEL_API_BASE" ? "https://gateway.example.com/runcomfy" : null);

        await client.GetStatusAsync("r1");

        _handler.Requests.Single().Uri.ShouldBe(new Uri("https://gateway.example.com/runcomfy/v1/requests/r1/status"));
    }

    [Fact]
    public void The_option_wins_over_RUNCOMFY_MODEL_API_BASE_and_a_bad_variable_is_named()
    {
        using var client = new RunComfyClient("t", new HttpClient(_handler), new RunComfyClientOptions { BaseAddress = new Uri("http://127.0.0.1:1") }, null,
            _ => "not a url");
        client.BaseAddress.ShouldBe(new Uri("http://127.0.0.1:1/"));

        var error = Should.Throw<ArgumentException>(() => new RunComfyClient("t", new HttpClient(_handler), null, null, _ => "http://evil.example.com"));
        error.Message.ShouldContain("RUNCOMFY_MODEL_API_BASE");
    }

    [Fact]
    public void Out_of_range_options_are_refused()
    {
        Should.Throw<ArgumentOutOfRangeException>(() => Build(o => o.PollInterval = TimeSpan.FromSeconds(-1)));
        Should.Throw<ArgumentOutOfRangeException>(() => Build(o => o.MaxPollInterval = TimeSpan.FromMilliseconds(10)));
        Should.Throw<ArgumentOutOfRangeException>(() => Build(o => o.RequestTimeout = TimeSpan.Zero));
        Should.Throw<ArgumentOutOfRangeException>(() => Build(o => o.Retry.MaxRetries = -1));
        Should.Throw<ArgumentOutOfRangeException>(() => Build(o => o.Retry.MaxDelay = TimeSpan.FromMilliseconds(1)));

        RunComfyClient Build(Action<RunComfyClientOptions> configure)
        {
            var options = new RunComfyClientOptions();
            configure(options);
            return new RunComfyClient("t", new HttpClient(_handler), options, null, _ => null);
        }
    }

    [Fact]
    public async Task Later_changes_to_the_options_object_do_not_affect_a_client()
    {
        _handler.Status.Ok(Wire.Status("r1", "in_queue"));
        var options = new RunComfyClientOptions { BaseAddress = new Uri(Wire.Base) };
        using var client = new RunComfyClient("t", new HttpClient(_handler), options, null, _ => null);

        options.BaseAddress = new Uri("https://elsewhere.example.com");
        await client.GetStatusAsync("r1");

        _handler.Requests.Single().Uri.Host.ShouldBe("model-api.runcomfy.net");
    }

    [Fact]
    public async Task A_derived_mock_can_override_every_operation()
    {
        var mock = new CannedClient();

        var result = await mock.RunAsync(TestSeedreamEditRequest.Valid());

        result.RequestId.ShouldBe("canned");
        (await mock.GetStatusAsync("canned")).State.ShouldBe(RunComfyRequestState.Completed);
    }

    private sealed class CannedClient : RunComfyClient
    {
        public override Task<RequestStatus> GetStatusAsync(string requestId, CancellationToken cancellationToken = default) =>
            Task.FromResult(new RequestStatus { RequestId = requestId, State = RunComfyRequestState.Completed });

        public override Task<RequestResult> RunAsync(IRunComfyRequest request, RunOptions? options = null, CancellationToken cancellationToken = default) =>
            Task.FromResult(new RequestResult { RequestId = "canned", State = RunComfyRequestState.Completed });
    }
}
