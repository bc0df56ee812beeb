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

    /// <summary>The output URL.</summary>
    public Uri Url { get; }

    /// <summary>The HTTP status the server answered, when it answered with an error.</summary>
    public int? HttpStatus { get; }
}
