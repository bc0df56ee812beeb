namespace RunComfy.Downloads;

/// <summary>How a download names a URL in a message.</summary>
internal static class DownloadUrl
{
    private const int MaxLength = 200;

    /// <summary>
    /// Scheme, host, port and path, escaped (so no control character or direction override survives), without
    /// user info, query or fragment, where signed URLs carry their secrets (<c>X-Amz-Signature</c>, tokens).
    /// </summary>
    public static string Shown(Uri url)
    {
        if (!url.IsAbsoluteUri)
        {
            return "(a relative URL)";
        }

        var text = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "...");
    }
}
