using System.Buffers.Text;

namespace RunComfy.Media.Sources;

/// <summary>
/// A base64 <c>data:</c> URI payload read at any offset by decoding only the 4-character groups that hold the
/// bytes asked for: reading a JPEG header deep in a 10 MB data URI decodes a few bytes, not the whole image.
/// </summary>
internal sealed class Base64ByteSource : MediaByteSource
{
    private readonly ReadOnlyMemory<char> _payload;
    private readonly long _length;
    private byte[] _buffer = new byte[96];

    private Base64ByteSource(ReadOnlyMemory<char> payload, long length)
    {
        _payload = payload;
        _length = length;
    }

    /// <summary>A source over a base64 payload; payloads with line breaks or spaces are decoded once instead.</summary>
    /// <exception cref="MediaFormatException">The payload is not valid base64.</exception>
    public static MediaByteSource Create(ReadOnlyMemory<char> payload)
    {
        if (!Base64.IsValid(payload.Span, out var decodedLength))
        {
            throw new MediaFormatException("data URI", "the content is not valid base64");
        }

        // Whitespace breaks the 4-characters-to-3-bytes arithmetic; such payloads are rare and decoded whole.
        return payload.Span.IndexOfAny(" \t\r\n") >= 0
            ? new MemoryByteSource(Convert.FromBase64String(payload.ToString()))
            : new Base64ByteSource(payload, decodedLength);
    }

    public override long? Length => _length;

    public override ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (offset >= _length || count == 0)
        {
            return ValueTask.FromResult(ReadOnlyMemory<byte>.Empty);
        }

        var end = Math.Min(offset + count, _length);
        var firstGroup = offset / 3;
        var endGroup = (end + 2) / 3;
        var chars = _payload.Span.Slice(checked((int)(firstGroup * 4)), checked((int)((endGroup - firstGroup) * 4)));
        var needed = (int)(endGroup - firstGroup) * 3;
        if (_buffer.Length < needed)
        {
            _buffer = new byte[needed];
        }

        if (!Convert.TryFromBase64Chars(chars, _buffer, out _))
        {
            throw new MediaFormatException("data URI", "the content is not valid base64", offset);
        }

        return ValueTask.FromResult<ReadOnlyMemory<byte>>(_buffer.AsMemory((int)(offset - firstGroup * 3), (int)(end - offset)));
    }
}
