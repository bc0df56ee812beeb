using RunComfy.Client.Wire;

namespace RunComfy;

/// <summary>One output written to disk by a download.</summary>
/// <param name="Path">The full path of the file.</param>
/// <param name="SourceUrl">The output URL it came from (before any redirect).</param>
/// <param name="Bytes">Its size in bytes.</param>
/// <param name="ContentType">The media type the server declared (<c>image/png</c>), when it declared one.</param>
public sealed record DownloadedOutput(string Path, Uri SourceUrl, long Bytes, string? ContentType)
{
    /// <summary>Shows the URL without its query, user info or fragment, where signed URLs carry their secrets.</summary>
    public override string ToString() =>
        $"{nameof(DownloadedOutput)} {{ Path = {Path}, SourceUrl = {UrlDisplay.Of(SourceUrl)}, Bytes = {Bytes}, ContentType = {ContentType} }}";
}
