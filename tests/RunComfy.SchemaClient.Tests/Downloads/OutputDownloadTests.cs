using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Microsoft.AspNetCore.Http;
using RunComfy.Downloads;

namespace RunComfy.SchemaClient.Tests.Downloads;

/// <summary>Every safety rule of a download, against a file host on 127.0.0.1 (trusted as the emulator would be).</summary>
public sealed class OutputDownloadTests : IAsyncLifetime
{
    /// <summary>
    /// The idle timeout of the stalled-server tests. It also covers the connect and the headers (and the first body
    /// bytes), so it must outlast a first request to a fresh server on a loaded machine: 0.3 s did not always.
    /// </summary>
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(2);

    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 1, 2, 3, 4];
    private readonly TempFolder _folder = new();
    private readonly ConcurrentQueue<IPEndPoint> _connections = new();
    private DownloadServer _server = null!;
    private int _rebindLookups;

    public async Task InitializeAsync() => _server = await DownloadServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Writes_each_output_with_its_source_size_and_type_and_no_credentials()
    {
        _server.Serve("/out/cat.png", Png);
        _server.Serve("/out/clip", [1, 2, 3], "video/mp4");

        var files = await Output("/out/cat.png?sig=1", "/out/clip").DownloadAsync(_folder.Path, Options());

        files.Count.ShouldBe(2);
        files[0].Path.ShouldBe(_folder.Combine("cat.png"));
        files[0].SourceUrl.ShouldBe(_server.Url("/out/cat.png?sig=1"));
        files[0].Bytes.ShouldBe(Png.Length);
        files[0].ContentType.ShouldBe("image/png");
        (await File.ReadAllBytesAsync(files[0].Path)).ShouldBe(Png);
        Path.GetFileName(files[1].Path).ShouldBe("clip.mp4");
        files[0].ToString().ShouldNotContain("sig=1");
        _server.Requests.ShouldAllBe(r => !r.Headers.ContainsKey("Authorization") && !r.Headers.ContainsKey("Cookie"));
    }

    [Theory]
    [InlineData("/out/..%2F..%2Fetc%2Fpasswd", "passwd.png")]
    [InlineData("/out/..%5C..%5CWindows%5Cwin.ini", "win.ini")]
    [InlineData("/CON", "_CON.png")]
    [InlineData("/nul.png", "_nul.png")]
    [InlineData("/a%1B%5B2Jb.png", "a_[2Jb.png")]
    [InlineData("/photo%E2%80%AEgnp.exe", "photo_gnp.exe")]
    [InlineData("/", "output-1.png")]
    public async Task Hostile_url_names_are_sanitised(string path, string expected)
    {
        _server.OnAnyPath(async context =>
        {
            context.Response.ContentType = "image/png";
            await context.Response.Body.WriteAsync(Png);
        });

        var file = (await Output(path).DownloadAsync(_folder.Path, Options())).Single();

        file.Path.ShouldBe(_folder.Combine(expected));
    }

    [Theory]
    [InlineData("attachment; filename=\"../../etc/passwd\"", "passwd")]
    [InlineData("attachment; filename*=UTF-8''..%2F..%2F.ssh%2Fauthorized_keys", "authorized_keys")]
    [InlineData("attachment; filename=\"CON.png\"", "_CON.png")]
    [InlineData("attachment; filename*=UTF-8''COM1", "_COM1")]
    [InlineData("attachment; filename*=UTF-8''bell%07tab%09.png", "bell_tab_.png")]
    [InlineData("attachment; filename*=UTF-8''invoice%E2%80%AEgnp.exe", "invoice_gnp.exe")]
    [InlineData("attachment; filename=\"...\"", "x.png")]
    public async Task Hostile_content_disposition_names_are_sanitised(string disposition, string expected)
    {
        _server.Serve("/x.png", Png, "application/octet-stream", disposition);

        var file = (await Output("/x.png").DownloadAsync(_folder.Path, Options())).Single();

        file.Path.ShouldBe(_folder.Combine(expected));
        Directory.EnumerateFiles(_folder.Path).ShouldBe([file.Path]);
    }

    [Fact]
    public async Task A_300_byte_name_is_cut_to_200_bytes_on_a_grapheme_boundary()
    {
        // 100 CJK characters: 300 UTF-8 bytes, over Linux's 255-byte NAME_MAX.
        var name = new string('猫', 100) + ".png";
        _server.Serve("/x.png", Png, contentDisposition: $"attachment; filename*=UTF-8''{Uri.EscapeDataString(name)}");

        var file = (await Output("/x.png").DownloadAsync(_folder.Path, Options())).Single();

        var written = Path.GetFileName(file.Path);
        Encoding.UTF8.GetByteCount(written).ShouldBeLessThanOrEqualTo(DownloadFileName.MaxBytes);
        written.ShouldBe(new string('猫', 65) + ".png");
        (await File.ReadAllBytesAsync(file.Path)).ShouldBe(Png);
    }

    [Fact]
    public async Task An_extension_from_the_content_type_still_fits_the_200_byte_cap()
    {
        var path = "/" + new string('a', 300);
        _server.On(path, async context =>
        {
            context.Response.ContentType = "image/webp";
            await context.Response.Body.WriteAsync(Png);
        });

        var file = (await Output(path).DownloadAsync(_folder.Path, Options())).Single();

        var written = Path.GetFileName(file.Path);
        Encoding.UTF8.GetByteCount(written).ShouldBe(DownloadFileName.MaxBytes);
        written.ShouldBe(new string('a', DownloadFileName.MaxBytes - 5) + ".webp");
    }

    [Fact]
    public async Task Keeps_both_by_default_replaces_or_fails_on_request()
    {
        _server.Serve("/out.png", Png);
        await File.WriteAllTextAsync(_folder.Combine("out.png"), "mine");

        var kept = (await Output("/out.png").DownloadAsync(_folder.Path, Options())).Single();
        Path.GetFileName(kept.Path).ShouldBe("out-1.png");
        (await File.ReadAllTextAsync(_folder.Combine("out.png"))).ShouldBe("mine");

        var requestsBefore = _server.Requests.Count;
        var failure = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options(o => o.Overwrite = DownloadOverwrite.Fail)));
        failure.Message.ShouldContain("'out.png' already exists");
        _server.Requests.Count.ShouldBe(requestsBefore);

        var replaced = (await Output("/out.png").DownloadAsync(_folder.Path, Options(o => o.Overwrite = DownloadOverwrite.Replace))).Single();
        replaced.Path.ShouldBe(_folder.Combine("out.png"));
        (await File.ReadAllBytesAsync(replaced.Path)).ShouldBe(Png);
    }

    [Fact]
    public async Task A_prefix_goes_before_every_name()
    {
        _server.Serve("/cat.png", Png);
        _server.On("/", async context =>
        {
            context.Response.ContentType = "image/webp";
            await context.Response.Body.WriteAsync(Png);
        });

        var files = await Output("/cat.png", "/").DownloadAsync(_folder.Path, Options(o => o.FileNamePrefix = "job-42-"));

        files.Select(f => Path.GetFileName(f.Path)).ShouldBe(["job-42-cat.png", "job-42-output-2.webp"]);
    }

    [Fact]
    public async Task Refuses_a_host_outside_the_allow_list_without_connecting()
    {
        var output = new RequestOutput { AllUrls = [new Uri("https://evil.example/out.png")] };

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => output.DownloadAsync(_folder.Path, Options()));

        error.Message.ShouldBe("Refusing to download https://evil.example/out.png: 'evil.example' is not a RunComfy host (*.runcomfy.net, *.runcomfy.com).");
        _connections.ShouldBeEmpty();
        _folder.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_refused_download_creates_no_folder()
    {
        var output = new RequestOutput { AllUrls = [new Uri("https://evil.example/out.png")] };
        var target = Path.Combine(_folder.Path, "not-yet");

        await Should.ThrowAsync<RunComfyDownloadException>(() => output.DownloadAsync(target, Options()));

        Directory.Exists(target).ShouldBeFalse();
    }

    [Fact]
    public async Task Refuses_a_redirect_to_a_host_outside_the_allow_list()
    {
        _server.Redirect("/out.png", "https://evil.example/x.png");

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options()));

        error.Message.ShouldContain("'evil.example' is not a RunComfy host");
        _server.Requests.Count.ShouldBe(1);
        _folder.Entries.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("https://cdn.runcomfy.net/x.png", "the host 'cdn.runcomfy.net' resolves to 10.0.0.7, a private address")]
    [InlineData("https://meta.runcomfy.net/latest/meta-data/", "the host 'meta.runcomfy.net' resolves to 169.254.169.254, a cloud metadata address")]
    [InlineData("https://link.runcomfy.com/x.png", "the host 'link.runcomfy.com' resolves to fe80::1, a link-local address")]
    [InlineData("https://local.runcomfy.com/x.png", "the host 'local.runcomfy.com' resolves to 127.0.0.1, a loopback address")]
    public async Task Refuses_a_redirect_to_an_allowed_host_on_a_private_address_before_connecting(string location, string reason)
    {
        _server.Redirect("/out.png", location);

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options()));

        error.Message.ShouldContain(reason);
        _connections.ShouldAllBe(endPoint => endPoint.Port == _server.BaseAddress.Port);
        _folder.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task An_address_that_turns_private_between_the_check_and_the_connection_is_refused_where_it_connects()
    {
        _server.Redirect("/out.png", "https://rebind.runcomfy.net/x.png");

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options()));

        error.Message.ShouldContain("the host 'rebind.runcomfy.net' resolves to 10.0.0.8, a private address (set DownloadOptions.AllowPrivateAddresses");
        _rebindLookups.ShouldBe(2);
        _connections.ShouldAllBe(endPoint => endPoint.Port == _server.BaseAddress.Port);
        _folder.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Refuses_the_metadata_address_even_when_listed_as_an_allowed_host()
    {
        _server.Redirect("/out.png", "https://169.254.169.254/latest/meta-data/");

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options(o => o.AllowedHosts.Add("169.254.169.254"))));

        error.Message.ShouldContain("169.254.169.254 is a cloud metadata address");
        _connections.ShouldAllBe(endPoint => endPoint.Port == _server.BaseAddress.Port);
    }

    [Fact]
    public async Task Refuses_a_redirect_to_plain_http_on_another_origin()
    {
        _server.Redirect("/out.png", "http://127.0.0.1:1/x.png");

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options()));

        error.Message.ShouldContain("'http://127.0.0.1:1' is not HTTPS");
        // A user who met this on the emulator's outputs learns the option that trusts an origin.
        error.Message.ShouldContain("DownloadOptions.TrustedOrigins");
        _connections.ShouldAllBe(endPoint => endPoint.Port == _server.BaseAddress.Port);
    }

    [Fact]
    public async Task Follows_a_redirect_within_the_allow_list_and_stops_after_five()
    {
        _server.Redirect("/short", "/files/full.png", 307);
        _server.Serve("/files/full.png", Png);
        for (var i = 0; i < 7; i++)
        {
            _server.Redirect($"/loop{i}", $"/loop{i + 1}");
        }

        var file = (await Output("/short").DownloadAsync(_folder.Path, Options())).Single();
        Path.GetFileName(file.Path).ShouldBe("short.png");

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/loop0").DownloadAsync(_folder.Path, Options()));
        error.Message.ShouldContain("Too many redirects");
    }

    [Fact]
    public async Task Refuses_a_declared_size_over_the_cap_before_reading()
    {
        _server.Serve("/out.png", new byte[100_000]);

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options(o => o.MaxBytesPerFile = 8)));

        error.Message.ShouldContain("is 100,000 bytes, over the 8-byte cap");
        _folder.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Stops_a_body_without_a_length_at_the_cap_and_removes_the_partial_file()
    {
        _server.On("/out.png", async context =>
        {
            for (var i = 0; i < 30 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(new byte[10_000], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options(o => o.MaxBytesPerFile = 100_000)));

        error.Message.ShouldContain("larger than the 100,000-byte cap; the partial file was removed");
        _folder.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_server_silent_before_its_headers_is_given_up()
    {
        _server.On("/out.png", DownloadServer.StaySilentAsync);

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options(o => o.IdleTimeout = StallTimeout)));

        error.Message.ShouldContain("no data for 2s");
        _folder.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_server_silent_mid_body_is_given_up_and_its_partial_file_removed()
    {
        _server.On("/out.png", async context =>
        {
            context.Response.ContentLength = 1_000;
            await context.Response.Body.WriteAsync(Png);
            await context.Response.Body.FlushAsync();
            await DownloadServer.StaySilentAsync(context);
        });

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options(o => o.IdleTimeout = StallTimeout)));

        error.Message.ShouldContain("no data for 2s; the partial file was removed");
        _folder.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task Cancelling_stops_a_download_and_removes_its_partial_file()
    {
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _server.On("/out.png", async context =>
        {
            context.Response.ContentLength = 1_000;
            await context.Response.Body.WriteAsync(Png);
            await context.Response.Body.FlushAsync();
            stalled.TrySetResult();
            await DownloadServer.StaySilentAsync(context);
        });
        using var cancel = new CancellationTokenSource();

        var download = Output("/out.png").DownloadAsync(_folder.Path, Options(), cancel.Token);
        await stalled.Task.WaitAsync(TimeSpan.FromSeconds(60));
        await WaitForAsync(() => _folder.Entries.Any(e => e.EndsWith(".part", StringComparison.Ordinal)));
        await cancel.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => download);
        _folder.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_broken_connection_removes_the_partial_file()
    {
        _server.On("/out.png", async context =>
        {
            context.Response.ContentLength = 200_000;
            await context.Response.Body.WriteAsync(new byte[100_000]);
            await context.Response.Body.FlushAsync();
            context.Abort();
        });

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => Output("/out.png").DownloadAsync(_folder.Path, Options()));

        error.Message.ShouldContain("the connection broke");
        error.Message.ShouldContain("the partial file was removed");
        _folder.Entries.ShouldBeEmpty();
    }

    [Fact]
    public async Task A_failed_download_names_its_url_without_the_query_user_info_or_fragment()
    {
        _server.On("/out/cat.png", context =>
        {
            context.Response.StatusCode = 403;
            return Task.CompletedTask;
        });
        var url = new Uri($"http://user:PASS_SECRET@127.0.0.1:{_server.BaseAddress.Port}/out/cat.png?X-Amz-Credential=AKIA_SECRET&X-Amz-Signature=deadbeef_SECRET#frag_SECRET");

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => new RequestOutput { AllUrls = [url] }.DownloadAsync(_folder.Path, Options()));

        error.Message.ShouldBe($"Could not download {_server.BaseAddress}out/cat.png: HTTP 403.");
        error.DisplayUrl.ShouldBe($"{_server.BaseAddress}out/cat.png");
        error.HttpStatus.ShouldBe(403);
        error.ToString().ShouldNotContain("SECRET");
        _server.Requests.Single().Headers.ContainsKey("Authorization").ShouldBeFalse();
    }

    [Fact]
    public async Task A_cookie_one_download_host_sets_is_never_sent_back()
    {
        // The guarded handlers are shared process-wide (every client, every tenant, the media probes too):
        // a cookie jar there would carry one caller's session into another caller's requests.
        _server.On("/set.png", async context =>
        {
            context.Response.ContentType = "image/png";
            context.Response.Headers.SetCookie = "session=TENANT_A_SECRET; Path=/";
            await context.Response.Body.WriteAsync(Png);
        });
        _server.Serve("/next.png", Png);
        var options = Options();

        await Output("/set.png").DownloadAsync(_folder.Path, options);
        await using (var stream = await Output("/next.png").OpenReadAsync(0, options))
        {
            await stream.CopyToAsync(Stream.Null);
        }

        _server.Requests.Count.ShouldBe(2);
        _server.Requests.ShouldAllBe(r => !r.Headers.ContainsKey("Cookie"));
    }

    [Fact]
    public async Task A_stream_enforces_the_cap_as_it_is_read()
    {
        _server.On("/out.png", async context =>
        {
            context.Response.ContentType = "image/png";
            for (var i = 0; i < 30 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(new byte[10_000], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });

        await using var stream = await Output("/out.png").OpenReadAsync(0, Options(o => o.MaxBytesPerFile = 50_000));

        stream.ContentType.ShouldBe("image/png");
        stream.DeclaredLength.ShouldBeNull();
        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => stream.CopyToAsync(Stream.Null));
        error.Message.ShouldContain("larger than the 50,000-byte cap");
        stream.BytesRead.ShouldBeGreaterThan(50_000);
    }

    [Fact]
    public async Task A_stream_read_synchronously_keeps_the_cap_too()
    {
        _server.Serve("/out.png", new byte[40_000]);
        var options = Options(o => o.MaxBytesPerFile = 50_000);
        _server.On("/big.png", async context =>
        {
            for (var i = 0; i < 10 && !context.RequestAborted.IsCancellationRequested; i++)
            {
                await context.Response.Body.WriteAsync(new byte[10_000], context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
            }
        });

        await using var small = await Output("/out.png").OpenReadAsync(0, options);
        small.CopyTo(Stream.Null);
        small.BytesRead.ShouldBe(40_000);

        await using var big = await Output("/big.png").OpenReadAsync(0, options);
        Should.Throw<RunComfyDownloadException>(() => big.CopyTo(Stream.Null)).Message.ShouldContain("50,000-byte cap");
    }

    [Fact]
    public async Task A_stream_enforces_the_idle_timeout_as_it_is_read()
    {
        _server.On("/out.png", async context =>
        {
            context.Response.ContentLength = 1_000;
            await context.Response.Body.WriteAsync(Png);
            await context.Response.Body.FlushAsync();
            await DownloadServer.StaySilentAsync(context);
        });

        await using var stream = await Output("/out.png").OpenReadAsync(_server.Url("/out.png"), Options(o => o.IdleTimeout = StallTimeout));

        stream.DeclaredLength.ShouldBe(1_000);
        var buffer = new byte[1_000];
        await stream.ReadExactlyAsync(buffer.AsMemory(0, Png.Length));
        var error = await Should.ThrowAsync<RunComfyDownloadException>(async () => await stream.ReadExactlyAsync(buffer.AsMemory(0, 1)));
        error.Message.ShouldContain("no data for 2s");
    }

    [Fact]
    public async Task A_stream_reads_the_whole_file_and_only_this_outputs_urls()
    {
        _server.Serve("/a.png", Png);
        var output = Output("/a.png");

        await using (var stream = await output.OpenReadAsync(0, Options()))
        {
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy);
            copy.ToArray().ShouldBe(Png);
        }

        await Should.ThrowAsync<ArgumentException>(() => output.OpenReadAsync(new Uri("https://cdn.runcomfy.net/other.png"), Options()));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => output.OpenReadAsync(1, Options()));
    }

    private RequestOutput Output(params string[] paths) => new() { AllUrls = [.. paths.Select(_server.Url)] };

    /// <summary>The server trusted as the emulator would be; every other host resolved by a fake resolver, every connection recorded.</summary>
    private DownloadOptions Options(Action<DownloadOptions>? configure = null)
    {
        var options = new DownloadOptions { Network = DownloadNetwork.Create(Resolve, _connections.Enqueue) };
        options.TrustedOrigins.Add(_server.BaseAddress);
        configure?.Invoke(options);
        return options;
    }

    private Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken) => Task.FromResult<IPAddress[]>(host switch
    {
        // Public when checked before the request, private when the connection is made: a DNS rebinding.
        "rebind.runcomfy.net" => [IPAddress.Parse(Interlocked.Increment(ref _rebindLookups) == 1 ? "203.0.113.9" : "10.0.0.8")],
        "cdn.runcomfy.net" => [IPAddress.Parse("10.0.0.7")],
        "meta.runcomfy.net" => [IPAddress.Parse("169.254.169.254")],
        "link.runcomfy.com" => [IPAddress.Parse("fe80::1")],
        "local.runcomfy.com" => [IPAddress.Loopback],
        _ => [IPAddress.Parse("203.0.113.9")],
    });

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(25);
        }

        condition().ShouldBeTrue();
    }
}
