using System.Buffers.Binary;
using RunComfy.Media.Headers;
using RunComfy.Media.Probing;
using RunComfy.Media.Sources;
using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Robustness;

/// <summary>
/// Truncated, corrupt and hostile headers end in a <see cref="MediaFormatException"/> saying what is wrong,
/// after reading a bounded number of bytes.
/// </summary>
public sealed class HostileHeaderTests
{
    private const int ReadBound = 512 * 1024;

    private static byte[] Patch(byte[] file, int offset, params byte[] bytes)
    {
        var copy = file.ToArray();
        bytes.CopyTo(copy, offset);
        return copy;
    }

    private static int IndexOf(byte[] file, params byte[] pattern) => file.AsSpan().IndexOf(pattern);

    private static byte[] Jpeg => TestImages.Jpeg(100, 80);

    private static int Sof => IndexOf(Jpeg, 0xFF, 0xC0);

    public static TheoryData<string, byte[], string> Cases()
    {
        var jpeg = Jpeg;
        var com = IndexOf(jpeg, 0xFF, 0xFE);
        var png = TestImages.PngRaw(100, 80);
        var webpLossy = TestImages.WebPLossy(100, 80);
        var endlessSegments = new Bytes().Add(0xFF, 0xD8);
        for (var i = 0; i < 100_000; i++)
        {
            endlessSegments.Add(0xFF, 0xFE, 0x00, 0x02);
        }

        return new TheoryData<string, byte[], string>
        {
            { "jpeg segment length past the end", Patch(jpeg, com + 2, 0xFF, 0xFF), "past the end of the file" },
            { "jpeg segment length 0", Patch(jpeg, com + 2, 0x00, 0x00), "declares a length of 0" },
            { "jpeg segment length 1", Patch(jpeg, com + 2, 0x00, 0x01), "declares a length of 1" },
            { "jpeg truncated after SOI", jpeg[..3], "ends before the frame header" },
            { "jpeg truncated inside a marker", jpeg[..(com + 3)], "ends before the frame header" },
            { "jpeg truncated inside the frame header", jpeg[..(Sof + 6)], "ends before the frame header" },
            { "jpeg width 0", Patch(jpeg, Sof + 7, 0, 0), "width of 0" },
            { "jpeg height 0 (DNL)", Patch(jpeg, Sof + 5, 0, 0), "height of 0" },
            { "jpeg frame header too short", Patch(jpeg, Sof + 2, 0, 7), "needs at least 8" },
            { "jpeg endless run of segments", endlessSegments.ToArray(), "more than 4096 segments" },
            { "jpeg endless fill bytes", new Bytes().Add(0xFF, 0xD8).Filled(200_000, 0xFF).ToArray(), "junk" },
            { "jpeg endless junk", new Bytes().Add(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x02).Filled(200_000, 0x12).ToArray(), "junk" },
            { "jpeg scan before frame", Patch(jpeg, com, 0xFF, 0xDA), "scan data (SOS) starts before" },
            { "jpeg end before frame", Patch(jpeg, com, 0xFF, 0xD9), "end-of-image marker" },
            { "png 0x0", TestImages.PngRaw(0, 0), "0x0 pixels" },
            { "png width 0", TestImages.PngRaw(0, 10), "0x10 pixels" },
            { "png 4 GB IHDR length", TestImages.PngRaw(10, 10, ihdrLength: uint.MaxValue), "IHDR declares 4294967295 bytes" },
            { "png 4 G pixels wide", TestImages.PngRaw(uint.MaxValue, 10), "at most 2^31-1" },
            { "png first chunk not IHDR", Patch(png, 12, (byte)'I', (byte)'D', (byte)'A', (byte)'T'), "'IDAT'; it must be IHDR" },
            { "png hostile chunk name", Patch(png, 12, 0x00, 0x1B, (byte)'\'', 0xFF), "'\\x00\\x1B\\x27\\xFF'" },
            { "png truncated", png[..20], "ends after 20 bytes" },
            { "png bad CgBI length", Patch(TestImages.PngRaw(5, 5, cgbi: true), 8, 0xFF, 0xFF, 0xFF, 0xFF), "CgBI chunk declares" },
            { "gif 0x0", TestImages.Gif(0, 0), "0x0 pixels" },
            { "gif truncated", TestImages.Gif(10, 10)[..8], "ends after 8 bytes" },
            { "webp 4 GB RIFF size", Patch(webpLossy, 4, 0xFF, 0xFF, 0xFF, 0xFF), "declares 4294967303 bytes but the file has" },
            { "webp RIFF size too small", Patch(webpLossy, 4, 4, 0, 0, 0), "too few for any image" },
            { "webp lossy 0x0", TestImages.WebPLossy(0, 0), "0x0 pixels" },
            { "webp lossy not a key frame", TestImages.WebPLossy(10, 10, keyFrame: false), "key frame" },
            { "webp lossy bad start code", TestImages.WebPLossy(10, 10, startCode: false), "start code" },
            { "webp lossy chunk too small", Patch(webpLossy, 16, 2, 0, 0, 0), "too few for its header" },
            { "webp lossless bad signature", Patch(TestImages.WebPLossless(10, 10), 20, 0x2E), "signature is 0x2E" },
            { "webp lossless version 7", TestImages.WebPLossless(10, 10, version: 7), "version is 7" },
            { "webp extended 16M x 16M", TestImages.WebPExtended(16_777_216, 16_777_216), "over the 2^32-1 pixel limit" },
            { "webp unknown first chunk", Patch(webpLossy, 12, (byte)'A', (byte)'L', (byte)'P', (byte)'H'), "'ALPH'; it must be VP8" },
            { "webp truncated", webpLossy[..25], "the file has 25" },
            { "webp truncated inside the RIFF header", webpLossy[..16], "ends after 16 bytes" },
        };
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Ends_in_a_clear_MediaFormatException_within_bounded_reads(string name, byte[] content, string expected)
    {
        var source = new CountingSource(new MemoryByteSource(content));

        var result = await MediaProber.ReadAsync(source, readDimensions: true, CancellationToken.None);

        result.DimensionsError.ShouldNotBeNull(name).Message.ShouldContain(expected, Case.Sensitive, name);
        result.Metadata.Width.ShouldBeNull();
        source.BytesReturned.ShouldBeLessThan(ReadBound, name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task ReadMetadataAsync_throws_only_the_documented_exception(string name, byte[] content, string expected)
    {
        var exception = await Should.ThrowAsync<MediaFormatException>(() => MediaInput.FromBytes(content).ReadMetadataAsync());

        exception.Message.ShouldContain(expected, Case.Sensitive, name);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Validation_turns_it_into_an_error_naming_the_item(string name, byte[] content, string expected)
    {
        var request = new SequentialEditRequest { Images = [MediaInput.FromBytes(TestImages.Png(100, 100)), MediaInput.FromBytes(content)] };

        var result = await request.ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem(name);
        (error.Path, error.Rule).ShouldBe(("images[1]", "media"), name);
        error.Message.ShouldContain(expected, Case.Sensitive, name);
    }

    [Fact]
    public async Task A_jpeg_segment_chain_through_a_huge_file_reads_only_its_markers()
    {
        // 150 maximal segments (~9.8 MB) before the frame header: the walk asks for 16 bytes per segment.
        var jpeg = TestImages.Jpeg(640, 480, metadataSegments: 150);
        var source = new CountingSource(new MemoryByteSource(jpeg));

        var dimensions = await JpegHeader.ReadAsync(source, CancellationToken.None);

        (dimensions.Width, dimensions.Height).ShouldBe((640, 480));
        source.BytesReturned.ShouldBeLessThan(200 * 16);
    }

    [Fact]
    public async Task A_data_uri_with_garbage_inside_its_base64_is_a_format_error()
    {
        var base64 = Convert.ToBase64String(TestImages.Png(20, 20)).ToCharArray();
        base64[30] = '*';
        MediaInput media = "data:image/png;base64," + new string(base64);

        var exception = await Should.ThrowAsync<MediaFormatException>(() => media.ReadMetadataAsync());

        exception.Message.ShouldContain("not valid base64");
    }

    [Fact]
    public void The_exception_carries_format_and_offset()
    {
        var exception = Should.Throw<MediaFormatException>(() => PngHeader.Read(TestImages.PngRaw(0, 0)));

        exception.Format.ShouldBe("PNG");
        exception.Offset.ShouldBe(16);
        exception.Message.ShouldBe("PNG: IHDR declares 0x0 pixels; both must be at least 1 (at byte 16).");
        BinaryPrimitives.ReadUInt32BigEndian(TestImages.PngRaw(0, 0).AsSpan(16)).ShouldBe(0u);
    }
}
