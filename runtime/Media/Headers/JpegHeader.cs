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

    /// <summary>
    /// Fill bytes, junk and stray stand-alone markers (RSTn, TEM, SOI) tolerated before the frame header, in
    /// total over the whole walk: no marker resets it, so junk cut by restart markers cannot run on.
    /// </summary>
    internal const int MaxJunkBytes = 64 * 1024;

    /// <summary>
    /// The most bytes the walk may be handed in total (marker reads and junk scans; skipped segment bodies are
    /// never read). A real file needs 16 per segment.
    /// </summary>
    internal const int MaxScannedBytes = 1024 * 1024;

    /// <summary>The most reads of the walk: one per segment, and a few per junk run.</summary>
    internal const int MaxReads = 2 * MaxSegments;

    private const int MarkerRead = 16;

    /// <summary>Junk is scanned a buffer at a time, never a marker's width at a time.</summary>
    private const int JunkScanRead = 4096;

    /// <summary>Finds the frame header and reads the size from it.</summary>
    /// <exception cref="MediaFormatException">Truncated, corrupt or hostile data, or limits exceeded.</exception>
    public static async ValueTask<ImageDimensions> ReadAsync(MediaByteSource source, CancellationToken cancellationToken)
    {
        long position = 2;
        var budget = new ScanBudget();
        var inJunk = false;
        while (true)
        {
            budget.CountRead(position);
            var read = await source.ReadAsync(position, inJunk ? JunkScanRead : MarkerRead, cancellationToken).ConfigureAwait(false);
            var bytes = read.Span;
            budget.CountScanned(bytes.Length, position);
            if (bytes.Length < 2)
            {
                throw Truncated(position + bytes.Length);
            }

            if (!IsMarker(bytes))
            {
                // Junk, fill bytes or a stuffed FF00 where a marker belongs: jump to the next marker in this buffer.
                var skip = NextMarker(bytes);
                position += skip;
                budget.CountJunk(skip, position);
                inJunk = true;
                continue;
            }

            inJunk = false;
            var marker = bytes[1];
            budget.CountSegment(position);
            if (marker is 0x01 or (>= 0xD0 and <= 0xD8))
            {
                // TEM, RSTn and a stray SOI stand alone, with no length; before a frame header they are junk too.
                position += 2;
                budget.CountJunk(2, position);
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

    /// <summary>A marker: 0xFF followed by a byte that is neither a fill byte (0xFF) nor a stuffed zero.</summary>
    private static bool IsMarker(ReadOnlySpan<byte> bytes) => bytes[0] == 0xFF && bytes[1] is not (0x00 or 0xFF);

    /// <summary>
    /// Where the next marker starts in <paramref name="bytes"/> (which does not start with one): at a 0xFF followed
    /// by a marker byte, at a final 0xFF whose next byte is not read yet, or past the buffer. Always at least 1.
    /// </summary>
    private static int NextMarker(ReadOnlySpan<byte> bytes)
    {
        var at = 1;
        while (at < bytes.Length)
        {
            var ff = bytes[at..].IndexOf((byte)0xFF);
            if (ff < 0)
            {
                return bytes.Length;
            }

            at += ff;
            if (at + 1 == bytes.Length || bytes[at + 1] is not (0x00 or 0xFF))
            {
                return at;
            }

            at++;
        }

        return bytes.Length;
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

    private static MediaFormatException Truncated(long position) =>
        new(Format, "the file ends before the frame header (SOF) that holds the size", position);

    /// <summary>
    /// The walk's limits, counted over the whole walk and never reset: junk bytes, segments, bytes handed over and
    /// reads. Whatever a file holds, the walk ends within <see cref="MaxReads"/> reads and <see cref="MaxScannedBytes"/> bytes.
    /// </summary>
    private struct ScanBudget
    {
        private long _junk;
        private int _segments;
        private long _scanned;
        private int _reads;

        public void CountJunk(int bytes, long position)
        {
            _junk += bytes;
            if (_junk > MaxJunkBytes)
            {
                throw new MediaFormatException(Format, $"more than {MaxJunkBytes} bytes of junk, fill bytes or stray markers where segments belong", position);
            }
        }

        public void CountSegment(long position)
        {
            if (++_segments > MaxSegments)
            {
                throw new MediaFormatException(Format, $"more than {MaxSegments} segments before the frame header", position) { IsReadLimit = true };
            }
        }

        public void CountScanned(int bytes, long position)
        {
            _scanned += bytes;
            if (_scanned > MaxScannedBytes)
            {
                throw new MediaFormatException(Format, $"more than {MaxScannedBytes} bytes scanned for markers before the frame header", position);
            }
        }

        public void CountRead(long position)
        {
            if (++_reads > MaxReads)
            {
                throw new MediaFormatException(Format, $"more than {MaxReads} reads before the frame header", position);
            }
        }
    }
}
