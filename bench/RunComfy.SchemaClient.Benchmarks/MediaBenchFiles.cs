using System.Buffers.Binary;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// The three 9 MB files of the media probe benchmark, built in code: a JPEG whose frame header sits after
/// 1 MB of ICC-style APP2 metadata, a PNG and a WebP (VP8X). Each carries the offset where its width and height
/// are known: the floor no reader can go under.
/// </summary>
internal static class MediaBenchFiles
{
    public const int FileSize = 9_000_000;

    public const string Jpeg = "jpeg-9MB-sof-after-1MB";
    public const string Png = "png-9MB";
    public const string WebP = "webp-9MB";

    private static readonly Lazy<IReadOnlyDictionary<string, (byte[] Content, long Floor)>> Files = new(Build);

    public static IReadOnlyDictionary<string, (byte[] Content, long Floor)> All => Files.Value;

    private static Dictionary<string, (byte[] Content, long Floor)> Build() => new()
    {
        [Jpeg] = BuildJpeg(),
        [Png] = BuildPng(),
        [WebP] = BuildWebP(),
    };

    private static (byte[], long) BuildJpeg()
    {
        var file = Noise(FileSize);
        var at = 0;
        void Put(params byte[] bytes)
        {
            bytes.CopyTo(file, at);
            at += bytes.Length;
        }

        Put(0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, (byte)'J', (byte)'F', (byte)'I', (byte)'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);

        // 16 maximal APP2 segments: 16 x 65,537 = 1,048,592 bytes of metadata before the frame header.
        for (var i = 0; i < 16; i++)
        {
            Put(0xFF, 0xE2, 0xFF, 0xFF);
            at += 65533;
        }

        Put([0xFF, 0xDB, 0x00, 0x43, 0x00, .. Enumerable.Repeat((byte)1, 64)]);
        var sof = at;
        Put(0xFF, 0xC0, 0x00, 0x0B, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(sof + 5), 3000);
        BinaryPrimitives.WriteUInt16BigEndian(file.AsSpan(sof + 7), 4000);
        Put(0xFF, 0xDA, 0x00, 0x08, 0x01, 0x01, 0x00, 0x00, 0x3F, 0x00);
        file[^2] = 0xFF;
        file[^1] = 0xD9;
        return (file, sof + 9);
    }

    private static (byte[], long) BuildPng()
    {
        var file = Noise(FileSize);
        var header = new byte[8 + 25 + 8];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(header, 0);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(8), 13);
        "IHDR"u8.CopyTo(header.AsSpan(12));
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(16), 4000);
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(20), 3000);
        header[24] = 8;
        header[25] = 2;

        // One IDAT chunk fills the file up to a closing IEND.
        BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(33), (uint)(FileSize - header.Length - 4 - 12));
        "IDAT"u8.CopyTo(header.AsSpan(37));
        header.CopyTo(file, 0);
        new byte[] { 0, 0, 0, 0, (byte)'I', (byte)'E', (byte)'N', (byte)'D', 0xAE, 0x42, 0x60, 0x82 }.CopyTo(file, FileSize - 12);
        return (file, 24);
    }

    private static (byte[], long) BuildWebP()
    {
        var file = Noise(FileSize);
        var header = new byte[12 + 18 + 8];
        "RIFF"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(4), FileSize - 8);
        "WEBPVP8X"u8.CopyTo(header.AsSpan(8));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(16), 10);
        header[20] = 0x10;
        WriteUInt24(header.AsSpan(24), 4000 - 1);
        WriteUInt24(header.AsSpan(27), 3000 - 1);

        // One lossless chunk fills the rest.
        "VP8L"u8.CopyTo(header.AsSpan(30));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(34), (uint)(FileSize - header.Length));
        header.CopyTo(file, 0);
        return (file, 30);
    }

    private static void WriteUInt24(Span<byte> target, int value)
    {
        target[0] = (byte)value;
        target[1] = (byte)(value >> 8);
        target[2] = (byte)(value >> 16);
    }

    private static byte[] Noise(int size)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        return bytes;
    }
}
