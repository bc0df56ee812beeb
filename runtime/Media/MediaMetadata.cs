namespace RunComfy;

/// <summary>What was learnt about a media input by reading as little of it as possible.</summary>
/// <param name="MimeType">
/// The type sniffed from the magic bytes (<c>image/png</c>, <c>video/mp4</c>, ...), <c>application/octet-stream</c>
/// when unrecognised, or null when the content was not read (a remote file whose size alone was asked for).
/// </param>
/// <param name="SizeBytes">The size in bytes, or null when unknown (a server that sends no length).</param>
/// <param name="Width">The stored width in pixels (EXIF orientation not applied); null for non-images.</param>
/// <param name="Height">The stored height in pixels (EXIF orientation not applied); null for non-images.</param>
public sealed record MediaMetadata(string? MimeType, long? SizeBytes, int? Width, int? Height)
{
    /// <summary>True when the content was sniffed as an image (<c>image/*</c>).</summary>
    public bool IsImage => MimeType is not null && MimeType.StartsWith("image/", StringComparison.Ordinal);
}
