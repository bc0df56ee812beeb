using System.Buffers.Binary;
using System.IO.Compression;

namespace RunComfy.Emulator.Outputs;

/// <summary>Writes real PNG files: signature, IHDR, one zlib-compressed IDAT, IEND, each chunk with its CRC.</summary>
internal static class PngWriter
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>An 8-bit RGB image: a diagonal gradient tinted by <paramref name="seed"/>, so outputs differ per job.</summary>
    public static byte[] Gradient(int width, int height, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        var (r, g, b) = ((byte)seed, (byte)(seed >> 8), (byte)(seed >> 16));
        var stride = 1 + width * 3;
        var raw = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var row = y * stride;
            raw[row] = 0; // filter type None
            for (var x = 0; x < width; x++)
            {
                var pixel = row + 1 + x * 3;
                raw[pixel] = (byte)(r + x * 255 / width);
                raw[pixel + 1] = (byte)(g + y * 255 / height);
                raw[pixel + 2] = (byte)(b + (x + y) * 127 / (width + height));
            }
        }
        return Encode(width, height, raw);
    }

    /// <summary>Encodes unfiltered scanlines (each row starts with its filter byte) as 8-bit RGB.</summary>
    public static byte[] Encode(int width, int height, byte[] scanlines)
    {
        using var output = new MemoryStream();
        output.Write(Signature);

        Span<byte> header = stackalloc byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header[4..], height);
        header[8] = 8;  // bit depth
        header[9] = 2;  // colour type: truecolour RGB
        header[10] = 0; // compression: deflate
        header[11] = 0; // filter method
        header[12] = 0; // no interlace
        WriteChunk(output, "IHDR"u8, header);

        using (var compressed = new MemoryStream())
        {
            using (var zlib = new ZLibStream(compressed, CompressionLevel.Fastest, leaveOpen: true)) zlib.Write(scanlines);
            WriteChunk(output, "IDAT"u8, compressed.ToArray());
        }
        WriteChunk(output, "IEND"u8, []);
        return output.ToArray();
    }

    private static void WriteChunk(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        output.Write(number);
        output.Write(type);
        output.Write(data);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32.Compute(type, data));
        output.Write(number);
    }
}
