namespace RunComfy.Media.Sources;

/// <summary>Content already in memory: bytes, a stream's copy, or a decoded <c>data:</c> URI.</summary>
internal sealed class MemoryByteSource(ReadOnlyMemory<byte> content) : MediaByteSource
{
    public override long? Length => content.Length;

    public override ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (offset >= content.Length)
        {
            return ValueTask.FromResult(ReadOnlyMemory<byte>.Empty);
        }

        var start = (int)offset;
        return ValueTask.FromResult(content.Slice(start, Math.Min(count, content.Length - start)));
    }
}
