using RunComfy.Media.Headers;
using RunComfy.Media.Probing;
using RunComfy.Media.Sources;
using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Headers;

public sealed class ImageHeaderTests
{
    public static TheoryData<ImageFormat, int, int> Sizes()
    {
        var data = new TheoryData<ImageFormat, int, int>();
        foreach (var format in Enum.GetValues<ImageFormat>())
        {
            data.Add(format, 1, 1);
            data.Add(format, 15, 14);
            data.Add(format, 640, 480);
            data.Add(format, 5999, 6001);
        }

        data.Add(ImageFormat.Png, int.MaxValue, 1);
        data.Add(ImageFormat.Jpeg, 65535, 65535);
        data.Add(ImageFormat.Gif, 65535, 65535);
        data.Add(ImageFormat.WebPLossy, 16383, 16383);
        data.Add(ImageFormat.WebPLossless, 16384, 16384);
        data.Add(ImageFormat.WebPExtended, 16777216, 255);
        return data;
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public async Task Reads_the_stored_size(ImageFormat format, int width, int height)
    {
        var metadata = await MediaInput.FromBytes(TestImages.Create(format, width, height)).ReadMetadataAsync();

        metadata.Width.ShouldBe(width);
        metadata.Height.ShouldBe(height);
        metadata.IsImage.ShouldBeTrue();
    }

    [Fact]
    public async Task Png_after_an_apple_CgBI_chunk()
    {
        var metadata = await MediaInput.FromBytes(TestImages.PngRaw(300, 200, cgbi: true)).ReadMetadataAsync();

        (metadata.Width, metadata.Height).ShouldBe((300, 200));
    }

    [Fact]
    public async Task Jpeg_frame_header_found_after_many_large_segments_without_reading_their_bodies()
    {
        var jpeg = TestImages.Jpeg(4000, 3000, metadataSegments: 20, exifOrientation: 1);
        var counting = new CountingSource(new MemoryByteSource(jpeg));

        var result = await MediaProber.ReadAsync(counting, readDimensions: true, CancellationToken.None);

        (result.Metadata.Width, result.Metadata.Height).ShouldBe((4000, 3000));
        result.HeaderEnd!.Value.ShouldBeGreaterThan(20 * 65535);
        counting.BytesReturned.ShouldBeLessThan(1024, "only markers and lengths are read, never segment bodies");
    }

    [Theory]
    [InlineData(0xC0)]
    [InlineData(0xC1)]
    [InlineData(0xC2)]
    [InlineData(0xC3)]
    [InlineData(0xC5)]
    [InlineData(0xC7)]
    [InlineData(0xC9)]
    [InlineData(0xCB)]
    [InlineData(0xCD)]
    [InlineData(0xCF)]
    public async Task Jpeg_every_frame_header_kind(int sof)
    {
        var metadata = await MediaInput.FromBytes(TestImages.Jpeg(321, 123, sof: (byte)sof)).ReadMetadataAsync();

        (metadata.Width, metadata.Height).ShouldBe((321, 123));
    }

    [Theory]
    [InlineData(0xC4)]
    [InlineData(0xC8)]
    [InlineData(0xCC)]
    public void Jpeg_DHT_JPG_and_DAC_are_not_frame_headers(int marker)
    {
        JpegHeader.IsFrameHeader((byte)marker).ShouldBeFalse();
    }

    [Fact]
    public async Task Jpeg_with_tables_after_the_frame_header()
    {
        var metadata = await MediaInput.FromBytes(TestImages.Jpeg(99, 77, tablesBeforeFrame: false)).ReadMetadataAsync();

        (metadata.Width, metadata.Height).ShouldBe((99, 77));
    }

    [Fact]
    public async Task Jpeg_fill_bytes_and_junk_between_segments_are_skipped_like_libjpeg()
    {
        var jpeg = TestImages.Jpeg(50, 40);

        // After the APP0 segment (ends at 2 + 2 + 16 = 20): junk, a stuffed FF00, then fill bytes before the next marker.
        var patched = jpeg[..20].Concat(new byte[] { 0x00, 0x12, 0xFF, 0x00, 0xFF, 0xFF, 0xFF }).Concat(jpeg[20..]).ToArray();

        var metadata = await MediaInput.FromBytes(patched).ReadMetadataAsync();

        (metadata.Width, metadata.Height).ShouldBe((50, 40));
    }

    [Fact]
    public async Task Exif_orientation_does_not_swap_the_stored_size()
    {
        var metadata = await MediaInput.FromBytes(TestImages.Jpeg(4000, 3000, exifOrientation: 6)).ReadMetadataAsync();

        (metadata.Width, metadata.Height).ShouldBe((4000, 3000));
    }

    [Fact]
    public async Task WebP_lossy_scale_bits_are_not_part_of_the_size()
    {
        var metadata = await MediaInput.FromBytes(TestImages.WebPLossy(400, 300, scaleBits: 3)).ReadMetadataAsync();

        (metadata.Width, metadata.Height).ShouldBe((400, 300));
    }

    [Theory]
    [MemberData(nameof(NonImages))]
    public async Task Non_images_have_no_pixel_size(byte[] content, string mimeType)
    {
        var metadata = await MediaInput.FromBytes(content).ReadMetadataAsync();

        metadata.MimeType.ShouldBe(mimeType);
        metadata.Width.ShouldBeNull();
        metadata.Height.ShouldBeNull();
        metadata.SizeBytes.ShouldBe(content.Length);
    }

    public static TheoryData<byte[], string> NonImages => new()
    {
        { TestMedia.Mp4(), "video/mp4" },
        { TestMedia.WebM(), "video/webm" },
        { TestMedia.Wav(), "audio/wav" },
        { TestMedia.Text(), "application/octet-stream" },
    };
}
