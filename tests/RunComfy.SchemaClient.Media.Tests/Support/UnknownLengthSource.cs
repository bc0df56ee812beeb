using RunComfy.Media.Sources;

namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>
/// Content whose length is not known until a read comes back short, as with a stream or a server that sends
/// neither Content-Length nor ranges: the parsers cannot check a declared size against the end of the file.
/// </summary>
internal sealed class UnknownLengthSource(byte[] content) : MediaByteSource
{
    public long BytesReturned { get; private set; }

    public override long? Length => null;

    public override ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (offset >= content.Length)
        {
            return ValueTask.FromResult(ReadOnlyMemory<byte>.Empty);
        }

        var read = content.AsMemory((int)offset, (int)Math.Min(count, content.Length - offset));
        BytesReturned += read.Length;
        return ValueTask.FromResult<ReadOnlyMemory<byte>>(read);
    }
}
