using System.Buffers.Binary;
using RunComfy.Media.Sources;

namespace RunComfy.Media.Headers;

/// <summary>
/// JPEG: walks the marker segments from the SOI to the first frame header (SOF0..SOF15 except DHT, JPG and
/// DAC), reading only each segment's 4-byte marker and length and jumping over its body, so APPn/EXIF/ICC/COM
/// segments of any size cost a few bytes each. Junk between segments is skipped as Pillow and libjpeg do.
/// </summary>
internal static class JpegHeader
{
    private const string Format = "JPEG";

    /// <summary>More segments than any real file has before its frame header; bounds a hostile endless run.</summary>
    internal const int MaxSegments = 4096;

    /// <summary>Fill bytes and junk tolerated between segments before giving up.</summary>
    internal const int MaxJunkBytes = 64 * 1024;

    private const int MarkerRead = 16;

    /// <summary>Finds the frame header and reads the size from it.</summary>
    /// <exception cref="MediaFormatException">Truncated, corrupt or hostile data, or limits exceeded.</exception>
    public static async ValueTask<ImageDimensions> ReadAsync(MediaByteSource source, CancellationToken cancellationToken)
    {
        long position = 2;
        var segments = 0;
        var junk = 0L;
        while (true)
        {
            var read = await source.ReadAsync(position, junk > 0 ? 256 : MarkerRead, cancellationToken).ConfigureAwait(false);
            var bytes = read.Span;
            if (bytes.Length < 2)
            {
                throw Truncated(position + bytes.Length);
            }

            if (bytes[0] != 0xFF)
            {
                // Junk where a marker belongs: skip to the next 0xFF.
                var skip = bytes.IndexOf((byte)0xFF) is var at and > 0 ? at : bytes.Length;
                position += skip;
                junk = CountJunk(junk, skip, position);
                continue;
            }

            // Fill bytes: any number of 0xFF may precede a marker. Skip the whole run in this read, keeping its last.
            var fill = bytes[1..].IndexOfAnyExcept((byte)0xFF);
            if (fill != 0)
            {
                var skip = fill < 0 ? bytes.Length - 1 : fill;
                position += skip;
                junk = CountJunk(junk, skip, position);
                continue;
            }

            var marker = bytes[1];

            if (marker == 0x00)
            {
                // A stuffed 0xFF outside scan data is junk, not a marker.
                position += 2;
                junk = CountJunk(junk, 2, position);
                continue;
            }

            junk = 0;
            segments = CountSegment(segments, position);
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                // TEM, RSTn and a stray SOI stand alone, with no length.
                position += 2;
                continue;
            }

            if (marker == 0xD9)
            {
                throw new MediaFormatException(Format, "the end-of-image marker comes before any frame header (SOF)", position);
            }

            if (marker == 0xDA)
            {
                throw new MediaFormatException(Format, "the scan data (SOS) starts before any frame header (SOF)", position);
            }

            if (bytes.Length < 4)
            {
                throw Truncated(position + bytes.Length);
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(2, 2));
            if (length < 2)
            {
                throw new MediaFormatException(Format, $"segment FF{marker:X2} declares a length of {length}; the least is 2", position + 2);
            }

            if (IsFrameHeader(marker))
            {
                return ReadFrameHeader(bytes, marker, length, position);
            }

            var next = position + 2 + length;
            if (source.Length is { } fileLength && next > fileLength)
            {
                throw new MediaFormatException(
                    Format,
                    $"segment FF{marker:X2} declares {length} bytes, past the end of the file ({fileLength} bytes)",
                    position + 2);
            }

            position = next;
        }
    }

    /// <summary>SOF0..SOF15: C0..CF except C4 (DHT), C8 (JPG extension) and CC (DAC).</summary>
    internal static bool IsFrameHeader(byte marker) => marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);

    private static ImageDimensions ReadFrameHeader(ReadOnlySpan<byte> bytes, byte marker, ushort length, long position)
    {
        if (length < 8)
        {
            throw new MediaFormatException(Format, $"frame header FF{marker:X2} declares a length of {length}; it needs at least 8", position + 2);
        }

        if (bytes.Length < 9)
        {
            throw Truncated(position + bytes.Length);
        }

        var height = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(5, 2));
        var width = BinaryPrimitives.ReadUInt16BigEndian(bytes.Slice(7, 2));
        if (width == 0)
        {
            throw new MediaFormatException(Format, "the frame header declares a width of 0 pixels", position + 7);
        }

        if (height == 0)
        {
            throw new MediaFormatException(Format, "the frame header declares a height of 0 (a height set later by a DNL marker is not supported)", position + 5);
        }

        return new ImageDimensions(width, height, position + 9);
    }

    private static long CountJunk(long junk, int more, long position)
    {
        junk += more;
        return junk > MaxJunkBytes
            ? throw new MediaFormatException(Format, $"more than {MaxJunkBytes} bytes of junk where a marker belongs", position)
            : junk;
    }

    private static int CountSegment(int segments, long position) =>
        ++segments > MaxSegments
            ? throw new MediaFormatException(Format, $"more than {MaxSegments} segments before the frame header", position) { IsReadLimit = true }
            : segments;

    private static MediaFormatException Truncated(long position) =>
        new(Format, "the file ends before the frame header (SOF) that holds the size", position);
}
