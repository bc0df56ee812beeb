namespace RunComfy.Media.Probing;

/// <summary>What a probe must find out; a remote file whose size alone is needed is never read at all.</summary>
/// <param name="Size">The size in bytes (the <c>file_size_mb</c> rules).</param>
/// <param name="Dimensions">The type and the width and height (the pixel rules).</param>
internal readonly record struct MediaProbeNeeds(bool Size, bool Dimensions)
{
    public MediaProbeNeeds Union(MediaProbeNeeds other) => new(Size || other.Size, Dimensions || other.Dimensions);
}
