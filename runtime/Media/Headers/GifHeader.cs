using System.Buffers.Binary;

namespace RunComfy.Media.Headers;

/// <summary>GIF: the logical screen size follows the 6-byte signature (what decoders report as the size).</summary>
internal static class GifHeader
{
    private const string Format = "GIF";

    /// <summary>Reads the size from the first bytes of a GIF.</summary>
    /// <exception cref="MediaFormatException">The header is truncated or declares an empty screen.</exception>
    public static ImageDimensions Read(ReadOnlySpan<byte> header)
    {
        if (header.Length < 10)
        {
            throw new MediaFormatException(Format, $"the file ends after {header.Length} bytes, inside the header", header.Length);
        }

        var width = BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(6, 2));
        var height = BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(8, 2));
        if (width == 0 || height == 0)
        {
            throw new MediaFormatException(Format, $"the logical screen is {width}x{height} pixels; both must be at least 1", 6);
        }

        return new ImageDimensions(width, height, 10);
    }
}
