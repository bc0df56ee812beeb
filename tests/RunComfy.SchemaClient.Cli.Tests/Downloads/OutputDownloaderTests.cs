using System.Net;
using RunComfy.Cli.Downloads;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Downloads;

public sealed class OutputDownloaderTests : IDisposable
{
    private static readonly byte[] Png = [0x89, (byte)'P', (byte)'N', (byte)'G', 13, 10, 26, 10, 1, 2, 3, 4];
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Writes_the_file_under_its_sanitised_name_without_credentials()
    {
        var handler = new StubHandler(_ => StubHandler.Bytes(Png, "application/octet-stream"));
        using var downloader = new OutputDownloader(new DownloadPolicy(), handler);

        var file = await downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/out/..%2F..%2Fetc%2Fpasswd"), _folder.Path, "output-1");

        Path.GetDirectoryName(file.Path).ShouldBe(_folder.Path);
        Path.GetFileName(file.Path).ShouldBe("passwd");
        (await File.ReadAllBytesAsync(file.Path)).ShouldBe(Png);
        file.Bytes.ShouldBe(Png.Length);
        handler.Requests.Single().Headers.Authorization.ShouldBeNull();
    }

    [Fact]
    public async Task Never_overwrites_an_existing_file()
    {
        await File.WriteAllTextAsync(_folder.Combine("out.png"), "mine");
        using var downloader = new OutputDownloader(new DownloadPolicy(), new StubHandler(_ => StubHandler.Bytes(Png)));

        var file = await downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/out.png"), _folder.Path, "output-1");

        Path.GetFileName(file.Path).ShouldBe("out-1.png");
        (await File.ReadAllTextAsync(_folder.Combine("out.png"))).ShouldBe("mine");
    }

    [Fact]
    public async Task Names_a_nameless_output_from_its_content_type()
    {
        using var downloader = new OutputDownloader(new DownloadPolicy(), new StubHandler(_ => StubHandler.Bytes(Png, "image/png")));

        var file = await downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/"), _folder.Path, "output-3");

        Path.GetFileName(file.Path).ShouldBe("output-3.png");
    }

    [Fact]
    public async Task Refuses_a_host_outside_the_allow_list_without_connecting()
    {
        var handler = new StubHandler(_ => StubHandler.Bytes(Png));
        using var downloader = new OutputDownloader(new DownloadPolicy(), handler);

        var error = await Should.ThrowAsync<DownloadException>(() => downloader.DownloadAsync(new Uri("https://evil.example/out.png"), _folder.Path, "output-1"));

        error.Message.ShouldContain("not a RunComfy host");
        handler.Requests.ShouldBeEmpty();
        Directory.EnumerateFileSystemEntries(_folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Refuses_a_redirect_to_a_host_outside_the_allow_list()
    {
        var handler = new StubHandler(request => request.RequestUri!.Host == "cdn.runcomfy.net"
            ? new HttpResponseMessage(HttpStatusCode.Found) { Headers = { Location = new Uri("https://evil.example/x.png") } }
            : StubHandler.Bytes(Png));
        using var downloader = new OutputDownloader(new DownloadPolicy(), handler);

        var error = await Should.ThrowAsync<DownloadException>(() => downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/out.png"), _folder.Path, "output-1"));

        error.Message.ShouldContain("evil.example");
        handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task Follows_a_redirect_within_the_allow_list()
    {
        var handler = new StubHandler(request => request.RequestUri!.AbsolutePath == "/short"
            ? new HttpResponseMessage(HttpStatusCode.TemporaryRedirect) { Headers = { Location = new Uri("/files/full.png", UriKind.Relative) } }
            : StubHandler.Bytes(Png));
        using var downloader = new OutputDownloader(new DownloadPolicy(), handler);

        var file = await downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/short"), _folder.Path, "output-1");

        handler.Requests.Last().RequestUri!.ToString().ShouldBe("https://cdn.runcomfy.net/files/full.png");
        Path.GetFileName(file.Path).ShouldBe("short.png");
    }

    [Fact]
    public async Task Refuses_a_declared_size_over_the_cap_before_reading()
    {
        using var downloader = new OutputDownloader(new DownloadPolicy(maxBytes: 8), new StubHandler(_ => StubHandler.Bytes(Png)));

        var error = await Should.ThrowAsync<DownloadException>(() => downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/out.png"), _folder.Path, "output-1"));

        error.Message.ShouldContain("cap");
        Directory.EnumerateFileSystemEntries(_folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Stops_an_undeclared_body_at_the_cap_and_removes_the_partial_file()
    {
        var body = new byte[300_000];
        using var downloader = new OutputDownloader(new DownloadPolicy(maxBytes: 100_000), new StubHandler(_ => StubHandler.Bytes(body, declareLength: false)));

        var error = await Should.ThrowAsync<DownloadException>(() => downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/out.png"), _folder.Path, "output-1"));

        error.Message.ShouldContain("partial file was removed");
        Directory.EnumerateFileSystemEntries(_folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Removes_the_partial_file_when_the_connection_breaks()
    {
        var handler = new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.OK)
        {
            Content = new StreamContent(new UnseekableStream(new MemoryStream(new byte[200_000]), failAfter: 100_000)),
        });
        using var downloader = new OutputDownloader(new DownloadPolicy(), handler);

        await Should.ThrowAsync<IOException>(() => downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/out.png"), _folder.Path, "output-1"));

        Directory.EnumerateFileSystemEntries(_folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Reports_an_http_error_with_its_status()
    {
        using var downloader = new OutputDownloader(new DownloadPolicy(), new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.NotFound)));

        var error = await Should.ThrowAsync<DownloadException>(() => downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/out.png"), _folder.Path, "output-1"));

        error.HttpStatus.ShouldBe(404);
        Directory.EnumerateFileSystemEntries(_folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_download_that_goes_silent_is_given_up_and_its_partial_file_removed()
    {
        var body = new StallingStream(Png);
        using var downloader = new OutputDownloader(new DownloadPolicy(), new StubHandler(_ => Streamed(body)), idleTimeout: TimeSpan.FromMilliseconds(200));

        // The body never resumes, so the idle bound (whatever its length) is what ends the download.
        var error = await Should.ThrowAsync<DownloadException>(() => downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/out.png"), _folder.Path, "output-1"));

        error.Message.ShouldContain("no data for");
        Directory.EnumerateFileSystemEntries(_folder.Path).ShouldBeEmpty();
    }

    [Fact]
    public async Task Ctrl_c_stops_a_download_and_removes_its_partial_file()
    {
        var body = new StallingStream(Png);
        using var downloader = new OutputDownloader(new DownloadPolicy(), new StubHandler(_ => Streamed(body)));
        using var ctrlC = new CancellationTokenSource();

        var download = downloader.DownloadAsync(new Uri("https://cdn.runcomfy.net/out.png"), _folder.Path, "output-1", ctrlC.Token);
        await body.Stalled;
        Directory.EnumerateFiles(_folder.Path, "*.part", SearchOption.AllDirectories).ShouldNotBeEmpty();
        await ctrlC.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => download);
        Directory.EnumerateFileSystemEntries(_folder.Path).ShouldBeEmpty();
    }

    private static HttpResponseMessage Streamed(Stream body)
    {
        var content = new StreamContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }

    /// <summary>A body that sends its first bytes, then nothing until the read is cancelled.</summary>
    private sealed class StallingStream(byte[] first) : Stream
    {
        private readonly TaskCompletionSource _stalled = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private bool _sent;

        public Task Stalled => _stalled.Task;
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (!_sent)
            {
                _sent = true;
                first.CopyTo(buffer);
                return first.Length;
            }

            _stalled.TrySetResult();
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return 0;
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }

    [Fact]
    public async Task A_failed_download_names_its_url_without_the_query_secrets()
    {
        using var downloader = new OutputDownloader(new DownloadPolicy(), new StubHandler(_ => new HttpResponseMessage(HttpStatusCode.Forbidden)));
        var url = new Uri("https://cdn.runcomfy.net/out/cat.png?X-Amz-Credential=AKIA_SECRET&X-Amz-Signature=deadbeef_SECRET#frag_SECRET");

        var error = await Should.ThrowAsync<DownloadException>(() => downloader.DownloadAsync(url, _folder.Path, "output-1"));

        error.Message.ShouldBe("Could not download https://cdn.runcomfy.net/out/cat.png: HTTP 403.");
        error.Message.ShouldNotContain("SECRET");
        error.HttpStatus.ShouldBe(403);
    }

    [Fact]
    public async Task A_name_of_many_cjk_characters_downloads_under_a_name_the_file_system_takes()
    {
        using var downloader = new OutputDownloader(new DownloadPolicy(), new StubHandler(_ => StubHandler.Bytes(Png)));
        var url = new Uri("https://cdn.runcomfy.net/out/" + Uri.EscapeDataString(new string('猫', 120)) + ".png");

        var file = await downloader.DownloadAsync(url, _folder.Path, "output-1");

        System.Text.Encoding.UTF8.GetByteCount(Path.GetFileName(file.Path)).ShouldBeLessThanOrEqualTo(FileNameSanitizer.MaxBytes);
        (await File.ReadAllBytesAsync(file.Path)).ShouldBe(Png);
    }
}
