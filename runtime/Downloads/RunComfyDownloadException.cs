using RunComfy.Client.Wire;

namespace RunComfy;

/// <summary>
/// An output could not be downloaded: a URL outside <see cref="DownloadOptions"/>' allow-list or on a refused
/// address, a file over the size cap, a server silent past the idle timeout, a broken connection, an HTTP error,
/// a file name already taken under <see cref="DownloadOverwrite.Fail"/>, or an output folder that cannot be created
/// or written (a file where the folder should be, no permission, a folder where the file should go: the file
/// system's exception is the <see cref="Exception.InnerException"/>). The message names the URL without its query,
/// user info or fragment; no partial file is left behind.
/// </summary>
public sealed class RunComfyDownloadException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="sourceUrl">The output URL.</param>
    /// <param name="message">What went wrong; must not hold the URL's query.</param>
    /// <param name="httpStatus">The HTTP status the server answered, when it answered with an error.</param>
    /// <param name="innerException">The cause.</param>
    public RunComfyDownloadException(Uri sourceUrl, string message, int? httpStatus = null, Exception? innerException = null)
        : base(message, innerException)
    {
        ArgumentNullException.ThrowIfNull(sourceUrl);
        SourceUrl = sourceUrl;
        HttpStatus = httpStatus;
    }

    /// <summary>The output URL, whole (its query may hold a signature: show <see cref="DisplayUrl"/> instead).</summary>
    public Uri SourceUrl { get; }

    /// <summary>The URL as messages show it: scheme, host, port and path only.</summary>
    public string DisplayUrl => UrlDisplay.Of(SourceUrl);

    /// <summary>The HTTP status the server answered, when it answered with an error.</summary>
    public int? HttpStatus { get; }
}
