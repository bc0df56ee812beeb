namespace RunComfy.Cli.Downloads;

/// <summary>An output could not be downloaded: a host outside the allow-list, the size cap, or an HTTP error.</summary>
internal sealed class DownloadException : Exception
{
    public DownloadException(Uri url, string message, int? httpStatus = null, Exception? inner = null)
        : base(message, inner)
    {
        Url = url;
        HttpStatus = httpStatus;
    }

    /// <summary>
    /// A URL as a message may show it: scheme, host, port and path, escaped, without user info, query or
    /// fragment, where signed URLs carry their secrets (<c>X-Amz-Signature</c>, tokens).
    /// </summary>
    public static string Shown(Uri url) =>
        url.IsAbsoluteUri
            ? RunComfy.Cli.Rendering.Printable.Line(url.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped))
            : "(a relative URL)";

    /// <summary>The output URL.</summary>
    public Uri Url { get; }

    /// <summary>The HTTP status the server answered, when it answered with an error.</summary>
    public int? HttpStatus { get; }
}
