using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Inputs;

public sealed class MediaInputTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static List<ValidationError> Validate(MediaInput media)
    {
        var errors = new List<ValidationError>();
        media.Validate("image", errors);
        return errors;
    }

    [Theory]
    [InlineData("https://example.com/a.png")]
    [InlineData("https://example.com/a.png?X-Amz-Signature=abc")]
    [InlineData("https://127.0.0.1:5000/a.png")]
    public void Accepts_https(string url)
    {
        MediaInput media = url;

        media.Kind.ShouldBe(MediaInputKind.Url);
        media.Url.ShouldBe(url);
        Validate(media).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("http://localhost:5000/a.png")]
    [InlineData("http://127.0.0.1:5000/a.png")]
    [InlineData("http://[::1]:5000/a.png")]
    public void Loopback_http_is_refused_unless_opted_in(string url)
    {
        var implicitly = Validate(url).ShouldHaveSingleItem();
        implicitly.Rule.ShouldBe("format");
        implicitly.Message.ShouldContain("plain HTTP");
        implicitly.Message.ShouldContain("allowLoopbackHttp: true");
        Validate(new Uri(url)).ShouldHaveSingleItem().Rule.ShouldBe("format");
        Validate(MediaInput.FromUrl(url)).ShouldHaveSingleItem().Rule.ShouldBe("format");

        var optedIn = MediaInput.FromUrl(url, allowLoopbackHttp: true);
        optedIn.AllowsLoopbackHttp.ShouldBeTrue();
        Validate(optedIn).ShouldBeEmpty();
        Validate(MediaInput.FromUri(new Uri(url), allowLoopbackHttp: true)).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("http://example.com/a.png")]
    [InlineData("http://10.0.0.5/a.png")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    public void The_opt_in_never_allows_http_to_other_hosts(string url)
    {
        var error = Validate(MediaInput.FromUrl(url, allowLoopbackHttp: true)).ShouldHaveSingleItem();

        error.Rule.ShouldBe("format");
        error.Message.ShouldContain("plain HTTP");
    }

    [Fact]
    public async Task Loopback_http_without_the_opt_in_is_never_fetched()
    {
        var media = MediaInput.FromUrl("http://127.0.0.1:9/a.png");

        await Should.ThrowAsync<InvalidOperationException>(() => media.ReadMetadataAsync());
    }

    [Fact]
    public void A_protocol_relative_url_is_not_called_a_local_file()
    {
        var error = Validate("//cdn.example.com/a.png").ShouldHaveSingleItem();

        error.Rule.ShouldBe("format");
        error.Message.ShouldContain("https:");
        error.Message.ShouldNotContain("local file");
        error.Message.ShouldNotContain("FromFile");
    }

    [Fact]
    public void Refuses_plain_http_with_a_clear_error()
    {
        var error = Validate("http://example.com/a.png?token=secret").ShouldHaveSingleItem();

        error.Rule.ShouldBe("format");
        error.Message.ShouldContain("plain HTTP");
        error.Message.ShouldContain("only over HTTPS");
        error.Message.ShouldNotContain("secret", customMessage: "a query may hold a signature");
    }

    [Theory]
    [InlineData("/tmp/photo.png")]
    [InlineData("./photo.png")]
    [InlineData("C:\\photos\\photo.png")]
    [InlineData("file:///tmp/photo.png")]
    public void Local_paths_given_as_strings_are_refused_with_a_hint(string value)
    {
        var error = Validate(value).ShouldHaveSingleItem();

        error.Message.ShouldContain("MediaInput.FromFile");
    }

    [Theory]
    [InlineData("photo.png")]
    [InlineData("")]
    [InlineData("ftp://example.com/a.png")]
    public void Other_non_https_values_are_refused(string value)
    {
        Validate(value).ShouldHaveSingleItem().Rule.ShouldBe("format");
    }

    [Fact]
    public void Converts_from_uri()
    {
        MediaInput media = new Uri("https://example.com/a%20b.png");

        media.Url.ShouldBe("https://example.com/a%20b.png");
        media.ShouldBe(MediaInput.FromUrl("https://example.com/a%20b.png"));
    }

    [Fact]
    public void A_valid_data_uri_string_is_accepted()
    {
        var dataUri = "data:image/png;base64," + Convert.ToBase64String(TestImages.Png(20, 20));
        MediaInput media = dataUri;

        media.Kind.ShouldBe(MediaInputKind.DataUri);
        Validate(media).ShouldBeEmpty();
        media.ToString().ShouldBe($"data:image/png;base64,\u2026({TestImages.Png(20, 20).Length:N0} bytes)");
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData(" ")]
    public async Task A_data_uri_with_whitespace_in_its_base64_is_refused_clearly_not_sent_as_is(string blank)
    {
        var base64 = Convert.ToBase64String(TestImages.Png(20, 20));
        MediaInput media = "data:image/png;base64," + base64[..40] + blank + base64[40..];

        var error = Validate(media).ShouldHaveSingleItem();
        error.Rule.ShouldBe("format");
        error.Message.ShouldContain("whitespace");
        var result = await new SequentialEditRequest { Images = [media] }.ValidateAsync();
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("whitespace");
    }

    [Theory]
    [InlineData("data:image/png;base64", "no ','")]
    [InlineData("data:;base64,iVBORw0KGgo=", "no media type")]
    [InlineData("data:text/plain;base64,aGVsbG8=", "must be an image, video or audio type")]
    [InlineData("data:image;base64,aGVsbG8=", "not a media type")]
    [InlineData("data:image/png,hello", "not base64-encoded")]
    [InlineData("data:image/png;base64,not*base64!", "not valid base64")]
    [InlineData("data:image/png;base64,aGVsbG8", "not valid base64")]
    [InlineData("data:image/png;base64,", "no content")]
    public void Data_uri_strings_are_parsed_and_checked(string value, string expected)
    {
        var error = Validate(value).ShouldHaveSingleItem();

        error.Rule.ShouldBe("format");
        error.Message.ShouldContain(expected);
    }

    [Fact]
    public void Data_uri_with_line_breaks_in_its_base64_is_refused()
    {
        var base64 = Convert.ToBase64String(TestImages.Png(20, 20), Base64FormattingOptions.InsertLineBreaks);

        Validate("data:image/png;base64," + base64).ShouldHaveSingleItem().Message.ShouldContain("remove line breaks");
    }

    [Fact]
    public void From_file_needs_an_existing_file()
    {
        Should.Throw<FileNotFoundException>(() => MediaInput.FromFile(Path.Combine(Path.GetTempPath(), "no-such-file-" + Guid.NewGuid() + ".png")));
    }

    [Fact]
    public void From_file_keeps_the_full_path()
    {
        var path = _files.Write("photo.png", TestImages.Png(20, 20));

        var media = MediaInput.FromFile(path);

        media.Kind.ShouldBe(MediaInputKind.File);
        media.FilePath.ShouldBe(Path.GetFullPath(path));
        media.Url.ShouldBeNull();
        media.ToString().ShouldBe("file " + Path.GetFileName(path));
        Validate(media).ShouldBeEmpty();
    }

    [Fact]
    public void Empty_bytes_are_an_error()
    {
        Validate(MediaInput.FromBytes(ReadOnlyMemory<byte>.Empty)).ShouldHaveSingleItem().Message.ShouldContain("empty");
    }

    [Fact]
    public async Task From_stream_copies_from_the_current_position_and_leaves_the_stream_open()
    {
        var png = TestImages.Png(30, 20);
        var stream = new MemoryStream([.. new byte[7], .. png]) { Position = 7 };

        var media = MediaInput.FromStream(stream);
        var asyncMedia = await MediaInput.FromStreamAsync(new NonSeekableStream(png));

        stream.CanRead.ShouldBeTrue();
        media.Kind.ShouldBe(MediaInputKind.Bytes);
        media.ShouldBe(MediaInput.FromBytes(png));
        asyncMedia.ShouldBe(media);
        (await media.ReadMetadataAsync()).ShouldBe(new MediaMetadata("image/png", png.Length, 30, 20));
    }

    [Fact]
    public void Equality_follows_the_content()
    {
        var png = TestImages.Png(20, 20);

        MediaInput.FromBytes(png).ShouldBe(MediaInput.FromBytes(png.ToArray()));
        MediaInput.FromBytes(png).GetHashCode().ShouldBe(MediaInput.FromBytes(png.ToArray()).GetHashCode());
        MediaInput.FromBytes(png).ShouldNotBe(MediaInput.FromBytes(TestImages.Png(20, 21)));
        MediaInput.FromUrl("https://a/b.png").ShouldBe(MediaInput.FromUrl("https://a/b.png"));
        MediaInput.FromUrl("https://a/b.png").ShouldNotBe(MediaInput.FromUrl("https://a/c.png"));
        MediaInput.FromBytes(png).ToString().ShouldBe($"in-memory content ({png.Length:N0} bytes)");
    }

    [Fact]
    public async Task The_mime_type_comes_from_the_bytes_not_the_name()
    {
        var path = _files.Write("actually-a-png.jpg", TestImages.Png(20, 20));

        var metadata = await MediaInput.FromFile(path).ReadMetadataAsync();

        metadata.MimeType.ShouldBe("image/png");
    }

    [Fact]
    public async Task Local_files_are_checked_by_ValidateAsync()
    {
        var good = _files.Write("good.jpg", TestImages.Jpeg(640, 480));
        var tooSmall = _files.Write("small.webp", TestImages.WebPLossy(10, 10));
        var request = new SequentialEditRequest { Images = [MediaInput.FromFile(good), MediaInput.FromFile(tooSmall)] };

        var result = await request.ValidateAsync();

        result.Errors.Select(e => (e.Path, e.Rule)).ShouldBe([("images[1]", "width_pixels>"), ("images[1]", "height_pixels>")], ignoreOrder: true);
        result.Errors[0].Message.ShouldContain(tooSmall);
    }

    [Fact]
    public async Task A_file_deleted_after_it_was_chosen_is_an_error_naming_it()
    {
        var path = _files.Write("gone.png", TestImages.Png(20, 20));
        var media = MediaInput.FromFile(path);
        File.Delete(path);

        var result = await new SequentialEditRequest { Images = [media] }.ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("images[0]", "media"));
        error.Message.ShouldContain(path);
        error.Message.ShouldContain("does not exist");
    }

    [Fact]
    public async Task Data_uris_are_read_without_decoding_them_whole()
    {
        var jpeg = TestImages.Jpeg(1000, 20, metadataSegments: 3);
        MediaInput media = "data:image/jpeg;base64," + Convert.ToBase64String(jpeg);

        var result = await new SequentialEditRequest { Images = [media] }.ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        error.Rule.ShouldBe("width/height<");
        error.Message.ShouldContain("(the data URI (image/jpeg) is 1000x20 px");
        error.Message.ShouldNotContain("base64");
    }

    [Fact]
    public async Task A_data_uri_whose_declared_type_differs_from_its_content_is_a_warning()
    {
        MediaInput media = "data:image/png;base64," + Convert.ToBase64String(TestImages.Jpeg(100, 100));

        var result = await new SequentialEditRequest { Images = [media] }.ValidateAsync();

        result.IsValid.ShouldBeTrue();
        result.Warnings.ShouldHaveSingleItem().Message.ShouldContain("declares image/png but its content is image/jpeg");
    }

    [Fact]
    public async Task A_broken_data_uri_is_reported_once_and_not_read()
    {
        MediaInput media = "data:image/png;base64,%%%";

        var result = await new SequentialEditRequest { Images = [media] }.ValidateAsync();

        result.Errors.ShouldHaveSingleItem().Rule.ShouldBe("format");
    }

    private sealed class NonSeekableStream(byte[] content) : Stream
    {
        private readonly MemoryStream _inner = new(content);

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => _inner.Read(buffer, offset, Math.Min(count, 7));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
