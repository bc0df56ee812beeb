using System.Text.Json;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;
using RunComfy.SchemaClient.Tests.Hostile;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>
/// <c>--trust-origin</c>: a refused output names the CLI's option (the user cannot set the library's
/// <c>DownloadOptions.TrustedOrigins</c>), the option lets the download through, and a value that is not an origin is
/// a usage error. The outputs are served by the API's own loopback server under another origin (<c>localhost</c>
/// instead of <c>127.0.0.1</c>), which the CLI does not trust on its own.
/// </summary>
public sealed class TrustOriginTests : IAsyncDisposable
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private readonly CliHarness _cli = new();
    private readonly HostileServer _server = HostileServer.Start();

    public TrustOriginTests()
    {
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));
        _server.Submit.Answer(HostileAnswer.Json(200, """{"request_id":"req-1"}"""));
        _server.Status.Answer(HostileAnswer.Json(200, """{"request_id":"req-1","status":"completed"}"""));
        _server.Result.Answer(HostileAnswer.Json(200, $$$"""{"request_id":"req-1","status":"completed","output":{"image":"{{{OtherOrigin}}}/out/cat.png?X-Amz-Signature=SIGNATURE_SECRET"}}"""));
        _server.On("GET", "/out/*").Answer(HostileAnswer.Bytes(200, [1, 2, 3], "image/png"));
    }

    private string OtherOrigin => $"http://localhost:{_server.BaseAddress.Port}";

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    private Task<CliRun> SubmitAsync(params string[] extra) => _cli.RunAsync(
        ["run", Edit, "--base-address", _server.BaseAddress.ToString(), "--token", "t", "--input", "prompt=p", "--input", "images=@cat.png", .. extra]);

    [Fact]
    public async Task A_refused_output_names_the_cli_option_not_the_library_property()
    {
        var run = await SubmitAsync();

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain($"✗ Refusing to download {OtherOrigin}/out/cat.png: '{OtherOrigin}' is not HTTPS (if you trust it, such as a local emulator, add --trust-origin {OtherOrigin}).");
        run.Error.ShouldNotContain("DownloadOptions");
        run.Error.ShouldNotContain("SIGNATURE_SECRET");
        File.Exists(_cli.Combine("outputs", "cat.png")).ShouldBeFalse();
    }

    [Fact]
    public async Task The_json_download_error_names_the_cli_option_too()
    {
        var run = await SubmitAsync("--json");

        run.ExitCode.ShouldBe(1, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var error = document.RootElement.GetProperty("download_error").GetString()!;
        error.ShouldContain($"add --trust-origin {OtherOrigin}");
        error.ShouldNotContain("DownloadOptions");
    }

    [Fact]
    public async Task A_trusted_origin_is_downloaded_from()
    {
        var run = await SubmitAsync("--trust-origin", OtherOrigin);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.Trim().ShouldBe(_cli.Combine("outputs", "cat.png"));
        (await File.ReadAllBytesAsync(_cli.Combine("outputs", "cat.png"))).ShouldBe([1, 2, 3]);
    }

    [Fact]
    public async Task Result_takes_the_option_as_well()
    {
        var refused = await _cli.RunAsync("result", "req-1", "--base-address", _server.BaseAddress.ToString(), "--token", "t");
        var trusted = await _cli.RunAsync("result", "req-1", "--base-address", _server.BaseAddress.ToString(), "--token", "t", "--trust-origin", OtherOrigin + "/");

        refused.ExitCode.ShouldBe(1, refused.ToString());
        refused.Error.ShouldContain($"add --trust-origin {OtherOrigin}");
        trusted.ExitCode.ShouldBe(0, trusted.ToString());
        File.Exists(_cli.Combine("outputs", "cat.png")).ShouldBeTrue();
    }

    [Fact]
    public async Task Batch_names_the_option_when_refused_and_downloads_with_it()
    {
        // Two batches (a different prompt each), so the second is not skipped as finished by the first's journal.
        string[] Batch(string prompt, params string[] more)
        {
            var file = _cli.Combine($"{prompt}.jsonl");
            File.WriteAllText(file, $$"""{"prompt":"{{prompt}}","images":["https://example.com/f.png"]}""" + "\n");
            return ["batch", Edit, "--input-file", file, "--output", $"{prompt}-results.jsonl", "--output-dir", prompt,
                "--base-address", _server.BaseAddress.ToString(), "--token", "t", .. more];
        }

        var refused = await _cli.RunAsync(Batch("refused"));
        var trusted = await _cli.RunAsync(Batch("trusted", "--trust-origin", OtherOrigin));

        refused.ExitCode.ShouldBe(0, refused.ToString());
        using (var line = JsonDocument.Parse(File.ReadAllText(_cli.Combine("refused-results.jsonl"))))
        {
            var error = line.RootElement.GetProperty("error").GetString()!;
            error.ShouldContain($"add --trust-origin {OtherOrigin}");
            error.ShouldNotContain("DownloadOptions");
        }

        trusted.ExitCode.ShouldBe(0, trusted.ToString());
        (await File.ReadAllBytesAsync(_cli.Combine("trusted", "line-1", "cat.png"))).ShouldBe([1, 2, 3]);
    }

    [Theory]
    [InlineData("ftp://files.example")]
    [InlineData("http://gateway.lan/outputs")]
    [InlineData("http://user:pass@gateway.lan")]
    [InlineData("https://gateway.lan/?sig=1")]
    [InlineData("gateway.lan")]
    public async Task A_value_that_is_not_an_origin_is_a_usage_error_and_nothing_is_sent(string value)
    {
        var run = await SubmitAsync("--trust-origin", value);

        run.ExitCode.ShouldBe(64, run.ToString());
        run.Error.ShouldStartWith($"✗ --trust-origin '{value}' is not an origin: give an http or https URL with a host and at most a port");
        _server.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("run")]
    [InlineData("wait")]
    [InlineData("result")]
    [InlineData("batch")]
    public async Task Every_command_that_downloads_offers_it(string command)
    {
        var run = await _cli.RunAsync(command, "--help");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("--trust-origin <url>");
    }
}
