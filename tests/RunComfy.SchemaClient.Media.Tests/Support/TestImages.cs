using System.IO.Compression;

namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>The image formats whose size the runtime reads.</summary>
public enum ImageFormat
{
    Png,
    Jpeg,
    JpegProgressive,
    Gif,
    WebPLossy,
    WebPLossless,
    WebPExtended,
}

/// <summary>
/// Builds image files in code with chosen sizes. Small images are real, decodable files (zlib pixel data for
/// PNG, an all-grey baseline JPEG with valid Huffman data, an LZW-coded GIF); large ones carry stub pixel data,
/// which the header parsers never look at.
/// </summary>
internal static class TestImages
{
    private const long RealPixelLimit = 1 << 20;

    public static byte[] Create(ImageFormat format, int width, int height) => format switch
    {
        ImageFormat.Png => Png(width, height),
        ImageFormat.Jpeg => Jpeg(width, height),
        ImageFormat.JpegProgressive => Jpeg(width, height, sof: 0xC2),
        ImageFormat.Gif => Gif(width, height),
        ImageFormat.WebPLossy => WebPLossy(width, height),
        ImageFormat.WebPLossless => WebPLossless(width, height),
        _ => WebPExtended(width, height),
    };

    /// <summary>An image of exactly <paramref name="totalSize"/> bytes (padding in a chunk or after the end marker).</summary>
    public static byte[] Sized(ImageFormat format, int width, int height, int totalSize)
    {
        var image = Create(format, width, height);
        return format is ImageFormat.WebPLossy or ImageFormat.WebPLossless or ImageFormat.WebPExtended
            ? PadWebP(image, totalSize)
            : PadTrailing(image, totalSize);
    }

    // ---------------------------------------------------------------- PNG

    public static byte[] Png(int width, int height) =>
        PngRaw((uint)width, (uint)height, pixels: (long)width * height <= RealPixelLimit);

    /// <summary>A PNG with any IHDR values, including invalid ones.</summary>
    public static byte[] PngRaw(uint width, uint height, bool pixels = false, uint ihdrLength = 13, bool cgbi = false)
    {
        var file = new Bytes().Add(0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A);
        if (cgbi)
        {
            PngChunk(file, "CgBI", [0x50, 0x00, 0x20, 0x06]);
        }

        var ihdr = new Bytes().U32BE(width).U32BE(height).Add(8, 0, 0, 0, 0).ToArray();
        PngChunk(file, "IHDR", ihdr, ihdrLength);
        PngChunk(file, "IDAT", pixels ? GreyPixels(width, height) : ZLib([]));
        PngChunk(file, "IEND", []);
        return file.ToArray();
    }

    private static byte[] GreyPixels(uint width, uint height)
    {
        var row = new byte[width + 1];
        using var raw = new MemoryStream();
        for (var y = 0; y < height; y++)
        {
            raw.Write(row);
        }

        return ZLib(raw.ToArray());
    }

    private static byte[] ZLib(byte[] data)
    {
        using var output = new MemoryStream();
        using (var zlib = new ZLibStream(output, CompressionLevel.Fastest, leaveOpen: true))
        {
            zlib.Write(data);
        }

        return output.ToArray();
    }

    private static void PngChunk(Bytes file, string type, byte[] data, uint? declaredLength = null)
    {
        var typeAndData = new Bytes().Ascii(type).Add(data).ToArray();
        file.U32BE(declaredLength ?? (uint)data.Length).Add(typeAndData).U32BE(Crc32.Compute(typeAndData));
    }

    // ---------------------------------------------------------------- JPEG

    /// <summary>
    /// A baseline (or other SOF) greyscale JPEG. Metadata segments (<paramref name="metadataSegments"/> APP2
    /// segments of <paramref name="metadataSegmentLength"/> bytes each) sit between the APP0/APP1 headers and
    /// the frame header, as a large ICC profile would.
    /// </summary>
    public static byte[] Jpeg(
        int width,
        int height,
        byte sof = 0xC0,
        int metadataSegments = 0,
        int metadataSegmentLength = 65535,
        int? exifOrientation = null,
        bool tablesBeforeFrame = true)
    {
        var file = new Bytes().Add(0xFF, 0xD8);
        file.Add(0xFF, 0xE0).U16BE(16).Ascii("JFIF\0").Add(1, 1, 0).U16BE(1).U16BE(1).Add(0, 0);
        if (exifOrientation is { } orientation)
        {
            // APP1 Exif with a big-endian TIFF header and one IFD entry: Orientation (0x0112), SHORT.
            var exif = new Bytes().Ascii("Exif\0\0").Ascii("MM").U16BE(42).U32BE(8)
                .U16BE(1).U16BE(0x0112).U16BE(3).U32BE(1).U16BE(orientation).U16BE(0).U32BE(0).ToArray();
            file.Add(0xFF, 0xE1).U16BE(exif.Length + 2).Add(exif);
        }

        for (var i = 0; i < metadataSegments; i++)
        {
            file.Add(0xFF, 0xE2).U16BE(metadataSegmentLength).Ascii("ICC_PROFILE\0").Filled(metadataSegmentLength - 2 - 12, 0x5A);
        }

        file.Add(0xFF, 0xFE).U16BE(2 + 13).Ascii("test image\0\0\0");
        if (tablesBeforeFrame)
        {
            JpegTables(file);
        }

        file.Add(0xFF, sof).U16BE(11).Add(8).U16BE(height).U16BE(width).Add(1, 1, 0x11, 0);
        if (!tablesBeforeFrame)
        {
            JpegTables(file);
        }

        file.Add(0xFF, 0xDA).U16BE(8).Add(1, 1, 0x00, 0, 63, 0);
        file.Add(JpegScan(width, height, real: sof == 0xC0 && (long)width * height <= RealPixelLimit));
        file.Add(0xFF, 0xD9);
        return file.ToArray();
    }

    private static void JpegTables(Bytes file)
    {
        file.Add(0xFF, 0xDB).U16BE(67).Add(0).Filled(64, 1);

        // One Huffman code of length 1 per table: DC category 0 and AC end-of-block are both the bit '0'.
        file.Add(0xFF, 0xC4).U16BE(20).Add(0x00).Add(1).Zeros(15).Add(0x00);
        file.Add(0xFF, 0xC4).U16BE(20).Add(0x10).Add(1).Zeros(15).Add(0x00);
    }

    private static byte[] JpegScan(int width, int height, bool real)
    {
        if (!real)
        {
            return [0x00, 0x3F];
        }

        // Each 8x8 block is "DC diff 0, EOB": two 0 bits. Pad the last byte with 1 bits.
        var blocks = (long)((width + 7) / 8) * ((height + 7) / 8);
        var bits = blocks * 2;
        var data = new byte[(bits + 7) / 8];
        var used = (int)(bits % 8);
        if (used != 0)
        {
            data[^1] = (byte)(0xFF >> used);
        }

        return data;
    }

    // ---------------------------------------------------------------- GIF

    /// <summary>A GIF89a with a logical screen of the given size and one 1x1 LZW-coded frame.</summary>
    public static byte[] Gif(int width, int height) =>
        new Bytes().Ascii("GIF89a").U16LE(width).U16LE(height).Add(0x80, 0, 0)
            .Add(0xFF, 0xFF, 0xFF, 0, 0, 0)
            .Add(0x2C).U16LE(0).U16LE(0).U16LE(1).U16LE(1).Add(0)
            .Add(0x02, 0x02, 0x44, 0x01, 0x00)
            .Add(0x3B)
            .ToArray();

    // ---------------------------------------------------------------- WebP

    public static byte[] WebPLossy(int width, int height, int scaleBits = 0, bool keyFrame = true, bool startCode = true)
    {
        var partitionSize = 10;
        var tag = (keyFrame ? 0 : 1) | (1 << 4) | (partitionSize << 5);
        var frame = new Bytes().Add((byte)tag, (byte)(tag >> 8), (byte)(tag >> 16))
            .Add(startCode ? new byte[] { 0x9D, 0x01, 0x2A } : new byte[] { 0x9D, 0x01, 0x2B })
            .U16LE(width | (scaleBits << 14)).U16LE(height | (scaleBits << 14))
            .Zeros(partitionSize)
            .ToArray();
        return Riff(("VP8 ", frame));
    }

    public static byte[] WebPLossless(int width, int height, int version = 0) =>
        Riff(("VP8L", VP8LData(width, height, version)));

    public static byte[] WebPExtended(int width, int height) =>
        Riff(
            ("VP8X", new Bytes().Add(0x10, 0, 0, 0).U24LE(width - 1).U24LE(height - 1).ToArray()),
            ("VP8L", VP8LData(Math.Min(width, 16384), Math.Min(height, 16384), 0)));

    private static byte[] VP8LData(int width, int height, int version)
    {
        var bits = (uint)(width - 1) | ((uint)(height - 1) << 14) | ((uint)version << 29);
        return new Bytes().Add(0x2F).U32LE(bits).Zeros(5).ToArray();
    }

    /// <summary>A RIFF WEBP file from chunks; the RIFF size is computed unless given.</summary>
    public static byte[] Riff(params (string Tag, byte[] Data)[] chunks) => RiffWithSize(null, chunks);

    public static byte[] RiffWithSize(uint? riffSize, params (string Tag, byte[] Data)[] chunks)
    {
        var body = new Bytes().Ascii("WEBP");
        foreach (var (tag, data) in chunks)
        {
            body.Ascii(tag).U32LE((uint)data.Length).Add(data);
            if (data.Length % 2 == 1)
            {
                body.Add(0);
            }
        }

        var content = body.ToArray();
        return new Bytes().Ascii("RIFF").U32LE(riffSize ?? (uint)content.Length).Add(content).ToArray();
    }

    // ---------------------------------------------------------------- padding

    private static byte[] PadTrailing(byte[] image, int totalSize)
    {
        if (totalSize < image.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSize), $"The image alone is {image.Length} bytes.");
        }

        var padded = new byte[totalSize];
        image.CopyTo(padded, 0);
        return padded;
    }

    private static byte[] PadWebP(byte[] image, int totalSize)
    {
        var padding = totalSize - image.Length - 8;
        if (padding < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSize), $"The image alone is {image.Length} bytes.");
        }

        var padded = new byte[totalSize];
        image.CopyTo(padded, 0);
        "PADD"u8.CopyTo(padded.AsSpan(image.Length));
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(padded.AsSpan(image.Length + 4), (uint)padding);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(padded.AsSpan(4), (uint)(totalSize - 8));
        return padded;
    }
}
