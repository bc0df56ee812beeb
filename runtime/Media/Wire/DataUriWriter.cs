using System.Buffers;
using System.Buffers.Text;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RunComfy.Media.Sniffing;

namespace RunComfy.Media.Wire;

/// <summary>
/// Writes local content as a JSON string <c>"data:&lt;mime&gt;;base64,..."</c> without building the string:
/// base64 is encoded chunk by chunk into string segments, and the writer is flushed as it goes so a large
/// video never sits whole in memory. Writers whose encoder escapes <c>+</c> (the default one writes it as
/// <c>\u002B</c>, six bytes) get small and medium content as one raw value instead, to keep the body compact.
/// </summary>
internal static class DataUriWriter
{
    /// <summary>Largest encoded value written raw (one pooled buffer) when the writer would escape base64.</summary>
    internal const int RawValueLimit = 16 * 1024 * 1024;

    /// <summary>Pending bytes after which the writer is flushed between segments.</summary>
    internal const int FlushThreshold = 1024 * 1024;

    /// <summary>Bytes encoded per segment; a multiple of 3, so only the last segment carries padding.</summary>
    private const int ChunkBytes = 48 * 1024;

    private const int LongStringSegment = 256 * 1024;

    /// <summary>Writes bytes as a data URI whose type is sniffed from them.</summary>
    public static void Write(Utf8JsonWriter writer, ReadOnlySpan<byte> content)
    {
        var mimeType = Sniff(content);
        if (ShouldWriteRaw(writer, content.Length))
        {
            WriteRaw(writer, mimeType, content);
            return;
        }

        WritePrefix(writer, mimeType);
        for (var start = 0; start < content.Length; start += ChunkBytes)
        {
            var chunk = content.Slice(start, Math.Min(ChunkBytes, content.Length - start));
            WriteChunk(writer, chunk, isFinal: start + chunk.Length == content.Length);
        }

        writer.WriteStringValueSegment(ReadOnlySpan<byte>.Empty, isFinalSegment: true);
    }

    /// <summary>Writes a file as a data URI whose type is sniffed from its first bytes, reading it in chunks.</summary>
    public static void WriteFile(Utf8JsonWriter writer, string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        var length = file.Length;
        if (ShouldWriteRaw(writer, length))
        {
            var content = ArrayPool<byte>.Shared.Rent((int)length);
            try
            {
                var read = Fill(file, content.AsSpan(0, (int)length));
                Write(writer, content.AsSpan(0, read));
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(content);
            }

            return;
        }

        var buffer = ArrayPool<byte>.Shared.Rent(ChunkBytes);
        try
        {
            var chunk = buffer.AsSpan(0, ChunkBytes);
            var filled = Fill(file, chunk);
            WritePrefix(writer, Sniff(chunk[..filled]));
            while (filled > 0)
            {
                // A chunk is full (a multiple of 3) unless the file ended in it.
                var isFinal = filled < ChunkBytes;
                WriteChunk(writer, chunk[..filled], isFinal);
                filled = isFinal ? 0 : Fill(file, chunk);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        writer.WriteStringValueSegment(ReadOnlySpan<byte>.Empty, isFinalSegment: true);
    }

    /// <summary>Writes a long string (a large data URI given as text) in segments, flushing as it goes.</summary>
    public static void WriteLongString(Utf8JsonWriter writer, string value)
    {
        for (var start = 0; start < value.Length; start += LongStringSegment)
        {
            var length = Math.Min(LongStringSegment, value.Length - start);
            writer.WriteStringValueSegment(value.AsSpan(start, length), isFinalSegment: start + length == value.Length);
            FlushIfLarge(writer);
        }
    }

    private static string Sniff(ReadOnlySpan<byte> content) =>
        MediaTypeSniffer.Sniff(content[..Math.Min(content.Length, MediaTypeSniffer.HeaderLength)]) ?? MediaTypes.OctetStream;

    private static bool ShouldWriteRaw(Utf8JsonWriter writer, long contentLength)
    {
        var encoder = writer.Options.Encoder ?? JavaScriptEncoder.Default;
        return encoder.FindFirstCharacterToEncodeUtf8("+/="u8) >= 0 && EncodedLength(contentLength) <= RawValueLimit;
    }

    private static long EncodedLength(long contentLength) => (contentLength + 2) / 3 * 4;

    private static void WriteRaw(Utf8JsonWriter writer, string mimeType, ReadOnlySpan<byte> content)
    {
        var prefix = Prefix(mimeType);
        var total = checked(1 + prefix.Length + (int)EncodedLength(content.Length) + 1);
        var buffer = ArrayPool<byte>.Shared.Rent(total);
        try
        {
            var value = buffer.AsSpan(0, total);
            value[0] = (byte)'"';
            prefix.CopyTo(value[1..]);
            Base64.EncodeToUtf8(content, value[(1 + prefix.Length)..], out _, out var written);
            value[1 + prefix.Length + written] = (byte)'"';
            writer.WriteRawValue(value, skipInputValidation: true);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static void WritePrefix(Utf8JsonWriter writer, string mimeType) =>
        writer.WriteStringValueSegment(Prefix(mimeType), isFinalSegment: false);

    private static byte[] Prefix(string mimeType) => Encoding.ASCII.GetBytes($"data:{mimeType};base64,");

    private static void WriteChunk(Utf8JsonWriter writer, ReadOnlySpan<byte> chunk, bool isFinal)
    {
        var rented = ArrayPool<byte>.Shared.Rent((int)EncodedLength(chunk.Length));
        try
        {
            Base64.EncodeToUtf8(chunk, rented, out _, out var written, isFinal);
            writer.WriteStringValueSegment(rented.AsSpan(0, written), isFinalSegment: false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented);
        }

        FlushIfLarge(writer);
    }

    private static void FlushIfLarge(Utf8JsonWriter writer)
    {
        if (writer.BytesPending >= FlushThreshold)
        {
            writer.Flush();
        }
    }

    private static int Fill(Stream stream, Span<byte> buffer)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = stream.Read(buffer[filled..]);
            if (read == 0)
            {
                break;
            }

            filled += read;
        }

        return filled;
    }
}
