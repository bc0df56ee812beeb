namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>The leading bytes of common video and audio containers, as their encoders write them.</summary>
internal static class TestMedia
{
    public static byte[] Mp4(string brand = "isom") =>
        new Bytes().U32BE(24).Ascii("ftyp").Ascii(brand).U32BE(0x200).Ascii("isomiso2").Add(Moov()).ToArray();

    public static byte[] WebM() =>
        new Bytes().Add(0x1A, 0x45, 0xDF, 0xA3, 0x9F, 0x42, 0x86, 0x81, 0x01, 0x42, 0xF7, 0x81, 0x01, 0x42, 0xF2, 0x81, 0x04, 0x42, 0xF3, 0x81, 0x08, 0x42, 0x82, 0x84)
            .Ascii("webm").Add(0x42, 0x87, 0x81, 0x04, 0x42, 0x85, 0x81, 0x02).Zeros(64).ToArray();

    public static byte[] Matroska() =>
        new Bytes().Add(0x1A, 0x45, 0xDF, 0xA3, 0xA3, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x88).Ascii("matroska").Zeros(64).ToArray();

    public static byte[] Mp3WithId3() => new Bytes().Ascii("ID3").Add(4, 0, 0, 0, 0, 0, 0).Add(0xFF, 0xFB, 0x90, 0x64).Zeros(400).ToArray();

    public static byte[] Mp3Frame() => new Bytes().Add(0xFF, 0xFB, 0x90, 0x64).Zeros(413).ToArray();

    public static byte[] AacAdts() => new Bytes().Add(0xFF, 0xF1, 0x50, 0x80, 0x02, 0x1F, 0xFC).Zeros(64).ToArray();

    public static byte[] Wav() =>
        new Bytes().Ascii("RIFF").U32LE(36 + 8).Ascii("WAVE").Ascii("fmt ").U32LE(16).U16LE(1).U16LE(1).U32LE(8000).U32LE(16000).U16LE(2).U16LE(16)
            .Ascii("data").U32LE(8).Zeros(8).ToArray();

    public static byte[] Avi() => new Bytes().Ascii("RIFF").U32LE(100).Ascii("AVI LIST").Zeros(92).ToArray();

    public static byte[] Ogg() => new Bytes().Ascii("OggS").Add(0, 2).Zeros(20).Ascii("\u0001vorbis").Zeros(40).ToArray();

    public static byte[] Flac() => new Bytes().Ascii("fLaC").Add(0x80, 0, 0, 34).Zeros(34).ToArray();

    public static byte[] Tiff() => new Bytes().Ascii("II*\0").U32LE(8).Zeros(64).ToArray();

    public static byte[] Bmp() => new Bytes().Ascii("BM").U32LE(70).U32LE(0).U32LE(54).U32LE(40).U32LE(2).U32LE(2).Zeros(40).ToArray();

    public static byte[] Text() => "just some text, not media at all"u8.ToArray();

    private static byte[] Moov() => new Bytes().U32BE(16).Ascii("moov").U32BE(8).Ascii("free").ToArray();
}
