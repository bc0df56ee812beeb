using RunComfy.Media.Probing;
using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Remote;

/// <summary>Remote URLs probed on a loopback Kestrel server that behaves like the hosts found in the wild.</summary>
public sealed class RemoteProbeTests(MediaServerFixture fixture) : IClassFixture<MediaServerFixture>
{
    private const int KiB = 1024;
    private readonly MediaTestServer _server = fixture.Server;

    private static byte[] Video(int size)
    {
        var video = new byte[size];
        TestMedia.Mp4().CopyTo(video, 0);
        return video;
    }

    private static SequentialEditRequest WithImages(params MediaInput[] images) => new() { Images = images };

    private static SequentialEditRequest WithVideo(MediaInput video) => new() { Images = [MediaInput.FromBytes(TestImages.Png(100, 100))], Video = video };

    [Theory]
    [InlineData(15_999_999, true)]
    [InlineData(16_000_000, false)]
    public async Task File_size_comes_from_a_HEAD_without_downloading(int size, bool passes)
    {
        var name = $"head-{size}.mp4";
        var url = _server.Add(name, Video(size));

        var result = await WithVideo(url).ValidateAsync();

        result.IsValid.ShouldBe(passes);
        if (!passes)
        {
            var error = result.Errors.ShouldHaveSingleItem();
            (error.Path, error.Rule).ShouldBe(("video_url", "file_size_mb<"));
            error.Message.ShouldContain("16,000,000 bytes");
        }

        var served = _server.RequestsFor(name).ShouldHaveSingleItem();
        (served.Method, served.BodyBytes).ShouldBe(("HEAD", 0L));
    }

    [Fact]
    public async Task Where_HEAD_is_refused_a_one_byte_range_gives_the_size()
    {
        var name = "nohead.mp4";
        var url = _server.Add(name, Video(16_000_001), mode: "nohead");

        var result = await WithVideo(url).ValidateAsync();

        result.Errors.ShouldHaveSingleItem().Rule.ShouldBe("file_size_mb<");
        var requests = _server.RequestsFor(name);
        requests.Select(r => (r.Method, r.Status, r.Range)).ShouldBe([("HEAD", 405, null), ("GET", 206, "bytes=0-0")]);
        requests.Sum(r => r.BodyBytes).ShouldBe(1);
    }

    [Fact]
    public async Task A_server_with_neither_length_nor_ranges_gives_a_warning_not_a_download()
    {
        var name = "nolength.mp4";
        var video = Video(8 * 1024 * 1024);
        var url = _server.Add(name, video, mode: "nolength");

        var (client, counter) = CountingHandler.CreateClient();
        using var http = client;

        var result = await WithVideo(url).ValidateAsync(new MediaValidationOptions { HttpClient = http });

        result.IsValid.ShouldBeTrue();
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Rule).ShouldBe(("video_url", "file_size_mb<"));
        warning.Message.ShouldContain("unknown");
        _server.RequestsFor(name).Select(r => r.Method).ShouldBe(["HEAD", "GET"]);
        counter.BodyBytesRead.ShouldBe(0, "the body of the answer that ignored the range is never read");
    }

    public static TheoryData<ImageFormat> Formats() => new(Enum.GetValues<ImageFormat>());

    [Theory]
    [MemberData(nameof(Formats))]
    public async Task A_remote_image_is_judged_from_one_small_range(ImageFormat format)
    {
        var name = $"one-range-{format}";
        var url = _server.Add(name, TestImages.Sized(format, 14, 200, 2 * 1024 * 1024));

        var result = await WithImages(url).ValidateAsync();

        result.Errors.Select(e => e.Rule).ShouldBe(["width/height>", "width_pixels>"], ignoreOrder: true);
        result.Errors.ShouldAllBe(e => e.Path == "images[0]");
        var served = _server.RequestsFor(name).ShouldHaveSingleItem();
        (served.Method, served.Status, served.Range).ShouldBe(("GET", 206, "bytes=0-65535"));
    }

    [Fact]
    public async Task A_remote_size_rule_and_pixel_rules_share_the_first_range()
    {
        var name = "big.png";
        var url = _server.Add(name, TestImages.Sized(ImageFormat.Png, 100, 100, 10_000_000));

        var result = await WithImages(url).ValidateAsync();

        result.Errors.ShouldHaveSingleItem().Rule.ShouldBe("file_size_mb<");
        _server.RequestsFor(name).ShouldHaveSingleItem().BodyBytes.ShouldBe(64 * KiB);
    }

    [Fact]
    public async Task A_jpeg_with_a_megabyte_of_metadata_is_probed_by_seeking_past_it()
    {
        var jpeg = TestImages.Jpeg(3000, 2000, metadataSegments: 16, exifOrientation: 6);
        var name = "seek.jpg";
        var url = _server.Add(name, jpeg);

        var probe = await MediaProber.ProbeAsync(url, new MediaProbeNeeds(true, true), MediaValidationOptions.Default, CancellationToken.None);

        (probe.Metadata.Width, probe.Metadata.Height, probe.Metadata.SizeBytes).ShouldBe((3000, 2000, jpeg.Length));
        probe.HeaderEnd!.Value.ShouldBeGreaterThan(1_000_000);
        var requests = _server.RequestsFor(name);
        requests.ShouldAllBe(r => r.Method == "GET" && r.Status == 206);
        requests.Sum(r => r.BodyBytes).ShouldBe(probe.BytesReceived);
        probe.BytesReceived.ShouldBeLessThanOrEqualTo(64 * KiB + 16 * 16 * KiB, "the first read plus one small read per skipped segment");
    }

    [Fact]
    public async Task A_valid_jpeg_with_eighty_large_segments_is_read_with_one_small_range_per_segment()
    {
        // 80 x 64 KB of metadata: a valid 5.2 MB JPEG. Each jump reads one small window, never a grown one.
        var jpeg = TestImages.Jpeg(3000, 2000, metadataSegments: 80);
        var url = _server.Add("eighty.jpg", jpeg);

        var probe = await MediaProber.ProbeAsync(url, new MediaProbeNeeds(true, true), MediaValidationOptions.Default, CancellationToken.None);

        (probe.Metadata.Width, probe.Metadata.Height).ShouldBe((3000, 2000));
        probe.DimensionsError.ShouldBeNull();
        var requests = _server.RequestsFor("eighty.jpg");
        requests.Sum(r => r.BodyBytes).ShouldBe(probe.BytesReceived);
        requests.Skip(1).ShouldAllBe(r => r.BodyBytes <= 16 * KiB, "every jump reads SeekReadBytes, no more");
        probe.BytesReceived.ShouldBeLessThanOrEqualTo(64 * KiB + 80 * 16 * KiB, "the first read plus one small window per segment");
        probe.Requests.ShouldBeLessThanOrEqualTo(82);
        ((double)probe.BytesReceived / jpeg.Length).ShouldBeLessThan(0.3);
    }

    [Fact]
    public async Task Five_hundred_small_segments_cost_one_small_window_each_not_their_bodies()
    {
        // 500 x 2 KB segments before the frame header. With a 64-byte jump window the bytes scale with the
        // segment count, not with the megabyte of segment bodies; the request cap is what bounds the round trips.
        var jpeg = TestImages.Jpeg(640, 480, metadataSegments: 500, metadataSegmentLength: 2048);
        var url = _server.Add("five-hundred.jpg", jpeg);
        var options = new MediaValidationOptions { InitialReadBytes = 4 * KiB, SeekReadBytes = 64, MaxProbeRequests = 600 };

        var probe = await MediaProber.ProbeAsync(url, new MediaProbeNeeds(true, true), options, CancellationToken.None);

        (probe.Metadata.Width, probe.Metadata.Height).ShouldBe((640, 480));
        probe.HeaderEnd!.Value.ShouldBeGreaterThan(1_000_000);
        probe.BytesReceived.ShouldBeLessThanOrEqualTo(4 * KiB + 500 * 64, "the first read plus one 64-byte window per segment");
        _server.RequestsFor("five-hundred.jpg").Sum(r => r.BodyBytes).ShouldBe(probe.BytesReceived);
    }

    [Fact]
    public async Task Five_hundred_small_segments_with_default_options_stop_within_one_window_of_the_floor()
    {
        var jpeg = TestImages.Jpeg(640, 480, metadataSegments: 500, metadataSegmentLength: 2048);
        var url = _server.Add("five-hundred-default.jpg", jpeg);

        var probe = await MediaProber.ProbeAsync(url, new MediaProbeNeeds(true, true), MediaValidationOptions.Default, CancellationToken.None);

        (probe.Metadata.Width, probe.Metadata.Height).ShouldBe((640, 480));
        probe.BytesReceived.ShouldBeLessThanOrEqualTo(probe.HeaderEnd!.Value + 16 * KiB, "jumps never grow past one small window");
        probe.Requests.ShouldBeLessThanOrEqualTo(MediaValidationOptions.Default.MaxProbeRequests);
        _server.RequestsFor("five-hundred-default.jpg").Skip(1).ShouldAllBe(r => r.BodyBytes <= 16 * KiB);
    }

    [Fact]
    public async Task An_endless_run_of_large_segments_stops_at_the_request_cap_with_a_warning()
    {
        var jpeg = TestImages.Jpeg(3000, 2000, metadataSegments: 140); // 9.2 MB: under the 10 MB size rule
        var url = _server.Add("endless.jpg", jpeg);
        var options = new MediaValidationOptions { MaxProbeRequests = 32 };

        var result = await WithImages(url).ValidateAsync(options);

        result.Errors.ShouldBeEmpty();
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Rule).ShouldBe(("images[0]", "media"));
        warning.Message.ShouldContain("MaxProbeRequests");
        var requests = _server.RequestsFor("endless.jpg");
        requests.Count.ShouldBe(32);
        requests.Sum(r => r.BodyBytes).ShouldBeLessThanOrEqualTo(64 * KiB + 31 * 16 * KiB);
    }

    [Fact]
    public async Task A_server_that_ignores_range_is_read_as_a_stream_and_abandoned_after_the_header()
    {
        var jpeg = TestImages.Jpeg(3000, 2000, metadataSegments: 16);
        var padded = new byte[9_000_000];
        jpeg.CopyTo(padded, 0);
        var name = "norange.jpg";
        var url = _server.Add(name, padded, mode: "norange");

        var probe = await MediaProber.ProbeAsync(url, new MediaProbeNeeds(true, true), MediaValidationOptions.Default, CancellationToken.None);

        (probe.Metadata.Width, probe.Metadata.Height, probe.Metadata.SizeBytes).ShouldBe((3000, 2000, padded.Length));
        probe.BytesReceived.ShouldBeLessThanOrEqualTo(probe.HeaderEnd!.Value + 64 * KiB, "within one read chunk of the floor");
        _server.RequestsFor(name).ShouldHaveSingleItem().Status.ShouldBe(200);
    }

    [Fact]
    public async Task The_byte_cap_stops_a_stream_that_never_reaches_the_header_with_a_warning()
    {
        var padded = new byte[4_000_000];
        TestImages.Jpeg(3000, 2000, metadataSegments: 16).CopyTo(padded, 0);
        var url = _server.Add("capped.jpg", padded, mode: "norange");
        var options = new MediaValidationOptions { MaxProbeBytes = 256 * KiB };

        var result = await WithImages(url).ValidateAsync(options);

        result.IsValid.ShouldBeTrue("a file that could not be checked may still be fine for RunComfy");
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Rule).ShouldBe(("images[0]", "media"));
        warning.Message.ShouldContain("MaxProbeBytes");
        warning.Message.ShouldContain("capped.jpg");
        warning.Message.ShouldContain("could not be checked");
    }

    [Fact]
    public async Task A_valid_jpeg_whose_header_lies_past_the_byte_cap_is_a_warning()
    {
        var jpeg = TestImages.Jpeg(3000, 2000, metadataSegments: 40);
        var url = _server.Add("deep.jpg", jpeg);
        var options = new MediaValidationOptions { MaxProbeBytes = 128 * KiB, SeekReadBytes = 32 * KiB };

        var result = await WithImages(url).ValidateAsync(options);

        result.IsValid.ShouldBeTrue();
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Rule).ShouldBe(("images[0]", "media"));
        warning.Message.ShouldContain("MaxProbeBytes");
        warning.Message.ShouldContain("width_pixels>");
    }

    [Fact]
    public async Task A_server_that_never_answers_is_a_timeout_warning()
    {
        var url = _server.Url("hang", "slow.png");
        var options = new MediaValidationOptions { Timeout = TimeSpan.FromMilliseconds(500) };

        var result = await WithImages(url).ValidateAsync(options);

        result.Errors.ShouldBeEmpty();
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Rule).ShouldBe(("images[0]", "media"));
        warning.Message.ShouldContain("slow.png");
        warning.Message.ShouldContain("MediaValidationOptions.Timeout");
    }

    [Fact]
    public async Task An_unreachable_host_is_a_warning()
    {
        // Port 1 on loopback: nothing listens, the connection is refused.
        var url = MediaInput.FromUrl("http://127.0.0.1:1/unreachable.png", allowLoopbackHttp: true);

        var result = await WithImages(url).ValidateAsync();

        result.Errors.ShouldBeEmpty();
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Rule).ShouldBe(("images[0]", "media"));
        warning.Message.ShouldContain("unreachable.png");
    }

    [Theory]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(405)]
    [InlineData(429)]
    public async Task A_server_error_or_a_refused_probe_is_a_warning(int status)
    {
        var pixels = _server.Url($"status{status}", "image.png");
        var size = _server.Url($"status{status}", "video.mp4");

        var pixelResult = await WithImages(pixels).ValidateAsync();
        var sizeResult = await WithVideo(size).ValidateAsync();

        pixelResult.Errors.ShouldBeEmpty();
        pixelResult.Warnings.ShouldHaveSingleItem().Message.ShouldContain($"HTTP {status}");
        sizeResult.Errors.ShouldBeEmpty();
        var warning = sizeResult.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Rule).ShouldBe(("video_url", "media"));
        warning.Message.ShouldContain("file_size_mb<");
        _server.RequestsFor("video.mp4").Where(r => r.Mode == $"status{status}").Select(r => r.Method).ShouldBe(["HEAD", "GET"]);
    }

    [Theory]
    [InlineData(403)]
    [InlineData(410)]
    [InlineData(401)]
    public async Task A_definite_client_error_stays_an_error(int status)
    {
        var result = await WithImages(_server.Url($"status{status}", "image.png")).ValidateAsync();

        result.Warnings.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("images[0]", "media"));
        error.Message.ShouldContain($"HTTP {status}");
    }

    [Fact]
    public async Task A_missing_file_is_an_error_with_its_status()
    {
        var url = _server.Url("missing", "gone.png");

        var result = await WithImages(url).ValidateAsync();

        result.Warnings.ShouldBeEmpty();
        var error = result.Errors.ShouldHaveSingleItem();
        error.Rule.ShouldBe("media");
        error.Message.ShouldContain("HTTP 404");
        error.Message.ShouldContain("gone.png");
    }

    [Fact]
    public async Task A_remote_file_that_is_not_an_image_stays_an_error()
    {
        var url = _server.Add("notes.txt", System.Text.Encoding.ASCII.GetBytes("hello, not an image at all"));

        var result = await WithImages(url).ValidateAsync();

        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("not an image");
    }

    [Fact]
    public async Task A_query_string_never_appears_in_an_error()
    {
        var url = _server.Url("missing", "signed.png", "?X-Amz-Signature=very-secret");

        var result = await WithImages(url).ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        error.Message.ShouldContain("signed.png?...");
        error.Message.ShouldNotContain("very-secret");
    }

    [Fact]
    public async Task Probing_can_be_turned_off()
    {
        var name = "not-probed.png";
        var url = _server.Add(name, TestImages.Png(10, 10));

        var result = await WithImages(url).ValidateAsync(new MediaValidationOptions { ProbeRemoteUrls = false });

        result.IsValid.ShouldBeTrue();
        _server.RequestsFor(name).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_url_used_twice_is_fetched_once()
    {
        var name = "twice.png";
        var url = _server.Add(name, TestImages.Png(10, 10));

        var result = await WithImages(url, MediaInput.FromBytes(TestImages.Png(50, 50)), url).ValidateAsync();

        result.Errors.Select(e => e.Path).Distinct().ShouldBe(["images[0]", "images[2]"]);
        _server.RequestsFor(name).Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_field_without_rules_is_not_fetched()
    {
        var name = "no-rules.png";
        var url = _server.Add(name, TestImages.Png(10, 10));
        var request = new SequentialEditRequest { Images = [url], ImageRulesInUse = [] };

        (await request.ValidateAsync()).IsValid.ShouldBeTrue();
        _server.RequestsFor(name).ShouldBeEmpty();
    }

    [Fact]
    public async Task Plain_http_is_refused_and_never_fetched()
    {
        var result = await WithImages("http://example.invalid/a.png").ValidateAsync();

        result.Errors.ShouldHaveSingleItem().Rule.ShouldBe("format");
    }

    [Fact]
    public async Task Loopback_http_without_the_opt_in_is_refused_and_never_fetched()
    {
        var name = "no-opt-in.png";
        var optedIn = _server.Add(name, TestImages.Png(10, 10));

        var result = await WithImages(optedIn.Url!).ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("images[0]", "format"));
        error.Message.ShouldContain("allowLoopbackHttp");
        _server.RequestsFor(name).ShouldBeEmpty();
    }

    [Fact]
    public async Task A_hostile_jpeg_segment_pointing_past_the_end_is_caught_from_the_range_total()
    {
        var jpeg = TestImages.Jpeg(100, 100);

        // Make the COM segment's length point 60,000 bytes past a 300-byte file.
        var com = jpeg.AsSpan().IndexOf(new byte[] { 0xFF, 0xFE });
        jpeg[com + 2] = 0xEA;
        jpeg[com + 3] = 0x60;
        var url = _server.Add("hostile.jpg", jpeg);

        var result = await WithImages(url).ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        error.Rule.ShouldBe("media");
        error.Message.ShouldContain("past the end of the file");
    }

    [Fact]
    public async Task ReadMetadataAsync_reads_a_remote_image()
    {
        var webp = TestImages.Sized(ImageFormat.WebPExtended, 1920, 1080, 500_000);
        var url = _server.Add("meta.webp", webp);

        var metadata = await url.ReadMetadataAsync();

        metadata.ShouldBe(new MediaMetadata("image/webp", webp.Length, 1920, 1080));
    }

    [Fact]
    public async Task An_empty_remote_file_is_not_an_image()
    {
        var url = _server.Add("empty.png", []);

        var result = await WithImages(url).ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        error.Rule.ShouldBe("media");
        error.Message.ShouldContain("not an image");
    }
}
