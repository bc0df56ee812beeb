using RunComfy.Media.Sources;

namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>Counts the bytes a parser is given, to prove it stays within bounds.</summary>
internal sealed class CountingSource(MediaByteSource inner) : MediaByteSource
{
    public long BytesReturned { get; private set; }

    public int Reads { get; private set; }

    public override long? Length => inner.Length;

    public override async ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        var read = await inner.ReadAsync(offset, count, cancellationToken);
        BytesReturned += read.Length;
        Reads++;
        return read;
    }
}
