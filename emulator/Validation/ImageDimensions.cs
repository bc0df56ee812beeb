using System.Buffers.Binary;

namespace RunComfy.Emulator.Validation;

/// <summary>Reads width and height from an image header (PNG, JPEG, GIF, BMP, WebP) without decoding pixels.</summary>
internal static class ImageDimensions
{
    public static bool TryRead(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = height = 0;
        if (data.Length >= 24 && data[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            width = BinaryPrimitives.ReadInt32BigEndian(data[16..]);
            height = BinaryPrimitives.ReadInt32BigEndian(data[20..]);
            return width > 0 && height > 0;
        }
        if (data.Length >= 10 && data[0] == 'G' && data[1] == 'I' && data[2] == 'F')
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[6..]);
            height = BinaryPrimitives.ReadUInt16LittleEndian(data[8..]);
            return width > 0 && height > 0;
        }
        if (data.Length >= 26 && data[0] == 'B' && data[1] == 'M')
        {
            // OS/2 BITMAPCOREHEADER (12 bytes) stores 16-bit sizes; the others 32-bit, a negative height meaning
            // rows stored top-down. int.MinValue has no positive counterpart (Math.Abs would throw): not an image.
            if (BinaryPrimitives.ReadUInt32LittleEndian(data[14..]) == 12)
            {
                width = BinaryPrimitives.ReadUInt16LittleEndian(data[18..]);
                height = BinaryPrimitives.ReadUInt16LittleEndian(data[20..]);
            }
            else
            {
                width = AbsoluteOrZero(BinaryPrimitives.ReadInt32LittleEndian(data[18..]));
                height = AbsoluteOrZero(BinaryPrimitives.ReadInt32LittleEndian(data[22..]));
            }
            return width > 0 && height > 0;
        }
        if (data.Length >= 4 && data[0] == 0xFF && data[1] == 0xD8) return TryReadJpeg(data, out width, out height);
        if (data.Length >= 30 && data[..4].SequenceEqual("RIFF"u8) && data[8..12].SequenceEqual("WEBP"u8)) return TryReadWebP(data, out width, out height);
        return false;
    }

    private static int AbsoluteOrZero(int value) => value == int.MinValue ? 0 : Math.Abs(value);

    private static bool TryReadJpeg(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = height = 0;
        var i = 2;
        while (i + 9 < data.Length)
        {
            if (data[i] != 0xFF) { i++; continue; }
            var marker = data[i + 1];
            if (marker == 0xFF) { i++; continue; }
            if (marker is 0xD8 or 0x01 || marker is >= 0xD0 and <= 0xD7) { i += 2; continue; }
            var length = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 2)..]);
            // Start-of-frame markers carry the size; C4 (Huffman), C8 (reserved) and CC (arithmetic) do not.
            if (marker is >= 0xC0 and <= 0xCF && marker is not (0xC4 or 0xC8 or 0xCC))
            {
                height = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 5)..]);
                width = BinaryPrimitives.ReadUInt16BigEndian(data[(i + 7)..]);
                return width > 0 && height > 0;
            }
            i += 2 + length;
        }
        return false;
    }

    private static bool TryReadWebP(ReadOnlySpan<byte> data, out int width, out int height)
    {
        width = height = 0;
        var chunk = data[12..16];
        if (chunk.SequenceEqual("VP8 "u8))
        {
            width = BinaryPrimitives.ReadUInt16LittleEndian(data[26..]) & 0x3FFF;
            height = BinaryPrimitives.ReadUInt16LittleEndian(data[28..]) & 0x3FFF;
        }
        else if (chunk.SequenceEqual("VP8L"u8) && data[20] == 0x2F)
        {
            var bits = BinaryPrimitives.ReadUInt32LittleEndian(data[21..]);
            width = (int)(bits & 0x3FFF) + 1;
            height = (int)((bits >> 14) & 0x3FFF) + 1;
        }
        else if (chunk.SequenceEqual("VP8X"u8))
        {
            width = (data[24] | data[25] << 8 | data[26] << 16) + 1;
            height = (data[27] | data[28] << 8 | data[29] << 16) + 1;
        }
        return width > 0 && height > 0;
    }
}
