namespace RunComfy.Media.Probing;

/// <summary>The outcome of a probe that reached the content.</summary>
/// <param name="Metadata">What is known: type, size, and the size in pixels when it was read.</param>
/// <param name="DimensionsError">Why the pixel size of an image could not be read, when it could not.</param>
/// <param name="HeaderEnd">The offset where the width and height became known (the least any reader must fetch).</param>
/// <param name="BytesReceived">Body bytes received from a remote server (0 for local content).</param>
/// <param name="Requests">HTTP requests made (0 for local content).</param>
internal sealed record MediaProbeResult(
    MediaMetadata Metadata,
    MediaFormatException? DimensionsError,
    long? HeaderEnd,
    long BytesReceived,
    int Requests);
