using RunComfy.Media.Sniffing;
using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Sniffing;

public sealed class MediaTypeSnifferTests
{
    public static TheoryData<string, byte[], string> Samples => new()
    {
        { "png", TestImages.Png(20, 20), "image/png" },
        { "jpeg", TestImages.Jpeg(20, 20), "image/jpeg" },
        { "gif", TestImages.Gif(20, 20), "image/gif" },
        { "webp lossy", TestImages.WebPLossy(20, 20), "image/webp" },
        { "webp lossless", TestImages.WebPLossless(20, 20), "image/webp" },
        { "webp extended", TestImages.WebPExtended(20, 20), "image/webp" },
        { "mp4", TestMedia.Mp4(), "video/mp4" },
        { "mp4 mp42", TestMedia.Mp4("mp42"), "video/mp4" },
        { "mov", TestMedia.Mp4("qt  "), "video/quicktime" },
        { "m4a", TestMedia.Mp4("M4A "), "audio/mp4" },
        { "3gp", TestMedia.Mp4("3gp5"), "video/3gpp" },
        { "avif", TestMedia.Mp4("avif"), "image/avif" },
        { "heic", TestMedia.Mp4("heic"), "image/heic" },
        { "webm", TestMedia.WebM(), "video/webm" },
        { "matroska", TestMedia.Matroska(), "video/x-matroska" },
        { "mp3 id3", TestMedia.Mp3WithId3(), "audio/mpeg" },
        { "mp3 frame", TestMedia.Mp3Frame(), "audio/mpeg" },
        { "aac adts", TestMedia.AacAdts(), "audio/aac" },
        { "wav", TestMedia.Wav(), "audio/wav" },
        { "avi", TestMedia.Avi(), "video/x-msvideo" },
        { "ogg", TestMedia.Ogg(), "audio/ogg" },
        { "flac", TestMedia.Flac(), "audio/flac" },
        { "tiff", TestMedia.Tiff(), "image/tiff" },
        { "bmp", TestMedia.Bmp(), "image/bmp" },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public void Names_the_type_from_the_magic_bytes(string sample, byte[] content, string expected)
    {
        MediaTypeSniffer.Sniff(content.AsSpan(0, Math.Min(content.Length, MediaTypeSniffer.HeaderLength))).ShouldBe(expected, sample);
    }

    [Theory]
    [InlineData(new byte[0])]
    [InlineData(new byte[] { 0x89, 0x50 })]
    [InlineData(new byte[] { 0xFF, 0xD8 })]
    [InlineData(new byte[] { (byte)'R', (byte)'I', (byte)'F', (byte)'F', 0, 0, 0, 0, (byte)'X', (byte)'X', (byte)'X', (byte)'X' })]
    [InlineData(new byte[] { (byte)'B', (byte)'M', 0, 0 })]
    public void Returns_null_for_short_or_unknown_content(byte[] content)
    {
        MediaTypeSniffer.Sniff(content).ShouldBeNull();
    }

    [Theory]
    [InlineData("mif1", "miafavifmif1", "image/avif")]
    [InlineData("mif1", "mif1miafavis", "image/avif")]
    [InlineData("msf1", "msf1avis", "image/avif")]
    [InlineData("mif1", "mif1heicmiaf", "image/heic")]
    [InlineData("msf1", "msf1hevc", "image/heic")]
    [InlineData("heic", "mif1heic", "image/heic")]
    public void Reads_the_compatible_brands_of_a_generic_heif_major_brand(string major, string compatible, string expected)
    {
        MediaTypeSniffer.Sniff(Ftyp(major, compatible)).ShouldBe(expected);
    }

    [Fact]
    public void Looks_for_compatible_brands_only_inside_the_ftyp_box()
    {
        // "avif" right after a box that declares 16 bytes (no compatible brands) belongs to the next box.
        var content = new Bytes().U32BE(16).Ascii("ftyp").Ascii("mif1").U32BE(0).U32BE(12).Ascii("avif").Zeros(40).ToArray();

        MediaTypeSniffer.Sniff(content).ShouldBe("image/heic");
    }

    [Theory]
    [InlineData(new byte[] { (byte)'I', (byte)'I', 0x2B, 0x00, 0x08, 0x00, 0x00, 0x00, 0x10, 0, 0, 0, 0, 0, 0, 0 })]
    [InlineData(new byte[] { (byte)'M', (byte)'M', 0x00, 0x2B, 0x00, 0x08, 0x00, 0x00, 0, 0, 0, 0, 0, 0, 0, 0x10 })]
    public void Recognises_bigtiff_in_either_byte_order(byte[] content)
    {
        MediaTypeSniffer.Sniff(content).ShouldBe("image/tiff");
    }

    [Fact]
    public void Ignores_plain_text()
    {
        MediaTypeSniffer.Sniff(TestMedia.Text()).ShouldBeNull();
    }

    private static byte[] Ftyp(string major, string compatible) =>
        new Bytes().U32BE((uint)(16 + compatible.Length)).Ascii("ftyp").Ascii(major).U32BE(0).Ascii(compatible).U32BE(8).Ascii("meta").Zeros(32).ToArray();
}
