using System.Buffers.Binary;

namespace RunComfy.Media.Headers;

/// <summary>
/// PNG: the size is in IHDR, which the specification puts first, at byte 16 (after an Apple <c>CgBI</c>
/// chunk in iOS-optimised files).
/// </summary>
internal static class PngHeader
{
    private const string Format = "PNG";
    private const int SignatureLength = 8;
    private const int IhdrDataLength = 13;

    /// <summary>Reads the size from the first bytes of a PNG (64 are plenty).</summary>
    /// <exception cref="MediaFormatException">The header is truncated or invalid.</exception>
    public static ImageDimensions Read(ReadOnlySpan<byte> header)
    {
        var chunk = SignatureLength;
        RequireLength(header, chunk + 8);
        if (header.Slice(chunk + 4, 4).SequenceEqual("CgBI"u8))
        {
            var cgbiLength = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(chunk, 4));
            if (cgbiLength != 4)
            {
                throw new MediaFormatException(Format, $"the CgBI chunk declares {cgbiLength} bytes; it has 4", chunk);
            }

            chunk += 4 + 4 + 4 + 4;
            RequireLength(header, chunk + 8);
        }

        var type = header.Slice(chunk + 4, 4);
        if (!type.SequenceEqual("IHDR"u8))
        {
            throw new MediaFormatException(Format, $"the first chunk is {FourCc.Describe(type)}; it must be IHDR", chunk + 4);
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(chunk, 4));
        if (length != IhdrDataLength)
        {
            throw new MediaFormatException(Format, $"IHDR declares {length} bytes of data; it has {IhdrDataLength}", chunk);
        }

        RequireLength(header, chunk + 16);
        var width = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(chunk + 8, 4));
        var height = BinaryPrimitives.ReadUInt32BigEndian(header.Slice(chunk + 12, 4));
        if (width == 0 || height == 0)
        {
            throw new MediaFormatException(Format, $"IHDR declares {width}x{height} pixels; both must be at least 1", chunk + 8);
        }

        if (width > int.MaxValue || height > int.MaxValue)
        {
            throw new MediaFormatException(Format, $"IHDR declares {width}x{height} pixels; PNG allows at most 2^31-1 each", chunk + 8);
        }

        return new ImageDimensions((int)width, (int)height, chunk + 16);
    }

    private static void RequireLength(ReadOnlySpan<byte> header, int length)
    {
        if (header.Length < length)
        {
            throw new MediaFormatException(Format, $"the file ends after {header.Length} bytes, inside the header", header.Length);
        }
    }
}
