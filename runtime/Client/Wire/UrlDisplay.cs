namespace RunComfy.Client.Wire;

/// <summary>
/// How the client names a URL in a message (a probe's redirect target, a download): scheme, host, port and path,
/// escaped so no control character or direction override survives; never user info, query or fragment, where
/// signed URLs carry their secrets (<c>X-Amz-Signature</c>, tokens).
/// </summary>
internal static class UrlDisplay
{
    private const int MaxLength = 200;

    /// <param name="url">The URL.</param>
    /// <param name="markQuery">Whether to write <c>?...</c> where a query was.</param>
    public static string Of(Uri url, bool markQuery = false)
    {
        if (!url.IsAbsoluteUri)
        {
            return "(a relative URL)";
        }

        var text = url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        if (markQuery && url.Query.Length > 1)
        {
            text += "?...";
        }

        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "...");
    }
}
