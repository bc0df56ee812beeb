namespace RunComfy.Media.Remote;

/// <summary>How a probe names a URL it was sent to (a redirect target, say): never its query, user info or fragment.</summary>
internal static class ProbeUrlDisplay
{
    private const int MaxLength = 200;

    /// <summary>Scheme, host, port and path, escaped (so no control character survives); <c>?...</c> where a query was.</summary>
    public static string Of(Uri uri)
    {
        var text = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
        if (uri.Query.Length > 1)
        {
            text += "?...";
        }

        return text.Length <= MaxLength ? text : string.Concat(text.AsSpan(0, MaxLength), "...");
    }
}
