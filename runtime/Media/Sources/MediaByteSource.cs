namespace RunComfy.Media.Sources;

/// <summary>
/// Positioned reads over media content for the header parsers. Parsers ask for a few bytes at a time and
/// never go backwards past the start of their previous read, so a remote source can serve them from a
/// window and jump ahead with a new range request instead of downloading what lies between.
/// </summary>
internal abstract class MediaByteSource : IAsyncDisposable
{
    /// <summary>The total length, when known (local content always; remote content once a response said so).</summary>
    public abstract long? Length { get; }

    /// <summary>
    /// Reads up to <paramref name="count"/> bytes at <paramref name="offset"/>; fewer only where the content ends.
    /// The memory stays valid until the next call.
    /// </summary>
    public abstract ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken);

    /// <inheritdoc />
    public virtual ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
