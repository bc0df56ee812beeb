using System.Buffers.Binary;

namespace RunComfy.Media.Headers;

/// <summary>
/// WebP: a RIFF container whose first chunk is the size source. <c>VP8 </c> (lossy) keeps it in the key
/// frame header, <c>VP8L</c> (lossless) in 14-bit fields, <c>VP8X</c> (extended) as a 24-bit canvas size.
/// </summary>
internal static class WebPHeader
{
    private const string Format = "WebP";
    private const int FirstChunk = 12;
    private const int ChunkData = FirstChunk + 8;

    /// <summary>Reads the size from the first 30 bytes of a WebP.</summary>
    /// <param name="header">The first bytes of the file.</param>
    /// <param name="fileLength">The file length when known, to catch a RIFF size that points past the end.</param>
    /// <exception cref="MediaFormatException">The header is truncated or invalid.</exception>
    public static ImageDimensions Read(ReadOnlySpan<byte> header, long? fileLength)
    {
        RequireLength(header, ChunkData);
        var riffSize = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(4, 4));
        if (riffSize < 4 + 8)
        {
            throw new MediaFormatException(Format, $"the RIFF header declares {riffSize} bytes, too few for any image", 4);
        }

        if (fileLength is { } length && riffSize + 8L > length)
        {
            throw new MediaFormatException(Format, $"the RIFF header declares {riffSize + 8L} bytes but the file has {length}", 4);
        }

        var chunkSize = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(FirstChunk + 4, 4));
        var tag = header.Slice(FirstChunk, 4);
        if (tag.SequenceEqual("VP8 "u8))
        {
            return ReadLossy(header, chunkSize);
        }

        if (tag.SequenceEqual("VP8L"u8))
        {
            return ReadLossless(header, chunkSize);
        }

        if (tag.SequenceEqual("VP8X"u8))
        {
            return ReadExtended(header, chunkSize);
        }

        throw new MediaFormatException(Format, $"the first chunk is {FourCc.Describe(tag)}; it must be VP8, VP8L or VP8X", FirstChunk);
    }

    private static ImageDimensions ReadLossy(ReadOnlySpan<byte> header, uint chunkSize)
    {
        RequireChunk(chunkSize, 10, "VP8");
        RequireLength(header, ChunkData + 10);
        if ((header[ChunkData] & 0x01) != 0)
        {
            throw new MediaFormatException(Format, "the VP8 bitstream does not start with a key frame", ChunkData);
        }

        if (!header.Slice(ChunkData + 3, 3).SequenceEqual((ReadOnlySpan<byte>)[0x9D, 0x01, 0x2A]))
        {
            throw new MediaFormatException(Format, "the VP8 key frame lacks its start code 9D 01 2A", ChunkData + 3);
        }

        // The top two bits of each 16-bit field are an upscaling hint, not part of the size.
        var width = BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(ChunkData + 6, 2)) & 0x3FFF;
        var height = BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(ChunkData + 8, 2)) & 0x3FFF;
        if (width == 0 || height == 0)
        {
            throw new MediaFormatException(Format, $"the VP8 frame declares {width}x{height} pixels; both must be at least 1", ChunkData + 6);
        }

        return new ImageDimensions(width, height, ChunkData + 10);
    }

    private static ImageDimensions ReadLossless(ReadOnlySpan<byte> header, uint chunkSize)
    {
        RequireChunk(chunkSize, 5, "VP8L");
        RequireLength(header, ChunkData + 5);
        if (header[ChunkData] != 0x2F)
        {
            throw new MediaFormatException(Format, $"the VP8L signature is 0x{header[ChunkData]:X2}; it must be 0x2F", ChunkData);
        }

        var bits = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(ChunkData + 1, 4));
        if (bits >> 29 != 0)
        {
            throw new MediaFormatException(Format, $"the VP8L version is {bits >> 29}; only 0 exists", ChunkData + 1);
        }

        var width = (int)(bits & 0x3FFF) + 1;
        var height = (int)((bits >> 14) & 0x3FFF) + 1;
        return new ImageDimensions(width, height, ChunkData + 5);
    }

    private static ImageDimensions ReadExtended(ReadOnlySpan<byte> header, uint chunkSize)
    {
        RequireChunk(chunkSize, 10, "VP8X");
        RequireLength(header, ChunkData + 10);
        var width = ReadUInt24(header.Slice(ChunkData + 4, 3)) + 1;
        var height = ReadUInt24(header.Slice(ChunkData + 7, 3)) + 1;

        // The specification caps the canvas area at 2^32 - 1 pixels.
        if ((long)width * height > uint.MaxValue)
        {
            throw new MediaFormatException(Format, $"the VP8X canvas is {width}x{height} pixels, over the 2^32-1 pixel limit", ChunkData + 4);
        }

        return new ImageDimensions(width, height, ChunkData + 10);
    }

    private static int ReadUInt24(ReadOnlySpan<byte> bytes) => bytes[0] | (bytes[1] << 8) | (bytes[2] << 16);

    private static void RequireChunk(uint chunkSize, int least, string name)
    {
        if (chunkSize < least)
        {
            throw new MediaFormatException(Format, $"the {name} chunk declares {chunkSize} bytes, too few for its header", FirstChunk + 4);
        }
    }

    private static void RequireLength(ReadOnlySpan<byte> header, int length)
    {
        if (header.Length < length)
        {
            throw new MediaFormatException(Format, $"the file ends after {header.Length} bytes, inside the header", header.Length);
        }
    }
}
