using System.Net;
using System.Net.Sockets;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>How the CLI makes its client: the runtime's rules for options, media validated once, emulator runs kept out of the journal, failed polls shown.</summary>
public sealed class SessionTests : IDisposable
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private readonly CliHarness _cli = new();

    public SessionTests() => File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Emulator_runs_never_touch_a_media_url_host()
    {
        // Any connection to this "remote" media host counts; the emulator itself never fetches foreign URLs.
        using var host = new TcpListener(IPAddress.Loopback, 0);
        host.Start();
        var connections = 0;
        var accepting = Task.Run(async () =>
        {
            while (true)
            {
                using var socket = await host.AcceptSocketAsync();
                Interlocked.Increment(ref connections);
            }
        });
        // HTTPS, as a real media URL must be; a probe would still open a TCP connection here first.
        var url = $"https://127.0.0.1:{((IPEndPoint)host.LocalEndpoint).Port}/cat.png";

        var run = await _cli.RunAsync("run", Edit, "--emulator", "--input", "prompt=a cat", "--input", $"images={url}");

        run.ExitCode.ShouldBe(0, run.ToString());
        Volatile.Read(ref connections).ShouldBe(0);
        host.Stop();
        await Should.ThrowAsync<Exception>(() => accepting);
    }

    [Fact]
    public async Task Emulator_runs_are_not_journaled()
    {
        var run = await _cli.RunAsync("run", Edit, "--emulator", "--input", "prompt=a cat", "--input", "images=@cat.png");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldContain("not journaled");
        File.Exists(_cli.JournalPath).ShouldBeFalse();
    }

    [Theory]
    [InlineData("http://example.com")]
    [InlineData("https://model-api.runcomfy.net/?x=1")]
    [InlineData("not a url")]
    public async Task A_base_address_the_runtime_refuses_is_a_usage_error(string address)
    {
        var run = await _cli.RunAsync("status", "req-1", "--token", "t", "--base-address", address);

        run.ExitCode.ShouldBe(64, run.ToString());
        run.Error.ShouldContain("--base-address");
        run.Error.ShouldNotContain("(Parameter");
    }

    [Fact]
    public async Task A_malformed_request_id_is_bad_input_with_a_clean_message()
    {
        await using var emulator = await EmulatorServer.StartAsync();

        var run = await _cli.RunAsync("status", "../../etc", "--token", emulator.Options.Token, "--base-address", emulator.BaseAddress.ToString());

        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("'../../etc' is not a request id: '/' would change the path.");
        run.Error.ShouldNotContain("(Parameter");
    }

    [Fact]
    public async Task A_token_with_whitespace_is_a_usage_error_that_does_not_echo_it()
    {
        var run = await _cli.RunAsync("status", "req-1", "--token", "secret part", "--base-address", "https://model-api.runcomfy.net");

        run.ExitCode.ShouldBe(64, run.ToString());
        run.Error.ShouldContain("whitespace");
        run.Error.ShouldNotContain("secret part");
    }

    [Fact]
    public async Task Failed_polls_are_shown_while_the_wait_goes_on()
    {
        _cli.ConfigureEmulator = options =>
        {
            options.Faults.RetryAfterSeconds = 0;
            // Enough 503s to spend one poll's retries (1 + 4): the client reports the poll failed and polls on.
            options.Faults.Enqueue(EmulatorEndpoint.Status, FaultKind.ServiceUnavailable, FaultTiming.BeforeAccept, count: 5);
        };

        var run = await _cli.RunAsync("run", Edit, "--emulator", "--input", "prompt=a cat", "--input", "images=@cat.png");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldContain("failed for now and will go on");
    }
}
