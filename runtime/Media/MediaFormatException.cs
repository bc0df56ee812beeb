namespace RunComfy;

/// <summary>
/// Media content that cannot be read as what it claims to be: a truncated, corrupt or hostile image header,
/// a header not found within the read limits, or a pixel rule asked of something that is not a readable
/// image. This is the only exception the header parsers throw on bad input; request validation turns it into
/// a <see cref="ValidationError"/> with rule <c>media</c>.
/// </summary>
public sealed class MediaFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="format">The format being read: <c>PNG</c>, <c>JPEG</c>, <c>WebP</c>, <c>GIF</c>, or <c>media</c>.</param>
    /// <param name="message">What is wrong, in words a user can act on.</param>
    /// <param name="offset">The byte offset where the problem was found, when it has one.</param>
    public MediaFormatException(string format, string message, long? offset = null)
        : base(offset is { } at ? $"{format}: {message} (at byte {at})." : $"{format}: {message}.")
    {
        Format = format;
        Offset = offset;
    }

    /// <summary>The format being read when the problem was found.</summary>
    public string Format { get; }

    /// <summary>The byte offset of the problem, when it has one.</summary>
    public long? Offset { get; }

    /// <summary>
    /// True when a read limit was reached (bytes, requests, segments) before the header was found: the content
    /// may well be fine, it just could not be checked within the limits. A remote URL then gets a warning.
    /// </summary>
    internal bool IsReadLimit { get; init; }
}
