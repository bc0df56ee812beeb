using System.Net.Http.Headers;
using Microsoft.AspNetCore.Http;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;

namespace RunComfy.SchemaClient.Tests.Downloads;

/// <summary>Downloads through <see cref="RunComfyClient"/>: the API token never reaches a file host or a message.</summary>
public sealed class ClientDownloadTests : IAsyncLifetime
{
    private const string Token = "tok_DOWNLOAD_S3CR3T";
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 5, 6, 7, 8];
    private readonly TempFolder _folder = new();
    private DownloadServer _server = null!;

    public async Task InitializeAsync() => _server = await DownloadServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task The_clients_own_api_origin_is_trusted_and_never_sent_the_token()
    {
        _server.Serve("/files/out.png", Png);
        using var client = new RunComfyClient(Token, new RunComfyClientOptions { BaseAddress = _server.BaseAddress });

        var files = await client.DownloadOutputsAsync(Completed(_server.Url("/files/out.png")), _folder.Path);

        files.ShouldHaveSingleItem().Bytes.ShouldBe(Png.Length);
        ShouldNotHaveSentTheToken();
    }

    [Fact]
    public async Task Downloads_never_use_the_clients_http_client_or_its_default_headers()
    {
        _server.Serve("/files/out.png", Png);
        using var http = new HttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var client = new RunComfyClient(http, new RunComfyClientOptions { Token = Token, BaseAddress = _server.BaseAddress });

        await using var stream = await client.OpenOutputAsync(Completed(_server.Url("/files/out.png")), 0);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);

        copy.ToArray().ShouldBe(Png);
        ShouldNotHaveSentTheToken();
    }

    [Fact]
    public async Task A_failed_download_never_shows_the_token()
    {
        _server.On("/files/out.png", async context =>
        {
            context.Response.StatusCode = 500;
            await context.Response.WriteAsync($"upstream said Bearer {Token}");
        });
        using var client = new RunComfyClient(Token, new RunComfyClientOptions { BaseAddress = _server.BaseAddress });

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => client.DownloadOutputsAsync(Completed(_server.Url($"/files/out.png?token={Token}")), _folder.Path));

        error.HttpStatus.ShouldBe(500);
        error.ToString().ShouldNotContain(Token);
        error.DisplayUrl.ShouldNotContain(Token);
        _folder.Entries.ShouldBeEmpty();
        ShouldNotHaveSentTheToken(inQueryToo: false);
    }

    [Fact]
    public async Task A_client_on_runcomfys_api_does_not_trust_a_loopback_output()
    {
        _server.Serve("/files/out.png", Png);
        using var client = new RunComfyClient(Token);

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => client.DownloadOutputsAsync(Completed(_server.Url("/files/out.png")), _folder.Path));

        error.Message.ShouldContain("is not HTTPS");
        _server.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_run_on_the_emulator_downloads_its_outputs()
    {
        await using var emulator = await ClientEmulator.StartAsync();
        using var client = ClientEmulator.Client(emulator);
        var result = await client.RunAsync(TestSeedreamEditRequest.Valid("download me"), ClientEmulator.Run());

        var files = await client.DownloadOutputsAsync(result, _folder.Path, new DownloadOptions { FileNamePrefix = "run-" });

        files.Count.ShouldBe(result.Output.AllUrls.Count);
        files.Count.ShouldBeGreaterThan(0);
        foreach (var file in files)
        {
            Path.GetFileName(file.Path).ShouldStartWith("run-");
            new FileInfo(file.Path).Length.ShouldBe(file.Bytes);
            file.ContentType.ShouldBe("image/png");
        }
    }

    private static RequestResult Completed(params Uri[] urls) => new()
    {
        RequestId = "req-1",
        State = RunComfyRequestState.Completed,
        Output = new RequestOutput { AllUrls = urls },
    };

    private void ShouldNotHaveSentTheToken(bool inQueryToo = true)
    {
        _server.Requests.ShouldNotBeEmpty();
        foreach (var (path, headers) in _server.Requests)
        {
            headers.ContainsKey("Authorization").ShouldBeFalse();
            headers.Values.ShouldAllBe(value => !value.Contains(Token, StringComparison.Ordinal));
            if (inQueryToo)
            {
                path.ShouldNotContain(Token);
            }
        }
    }
}
