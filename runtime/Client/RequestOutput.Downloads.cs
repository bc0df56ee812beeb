using RunComfy.Client.Wire;
using RunComfy.Downloads;

namespace RunComfy;

/// <summary>Downloads of a result's outputs, under the rules of <see cref="DownloadOptions"/>.</summary>
public sealed partial record RequestOutput
{
    /// <summary>
    /// Downloads every URL of <see cref="AllUrls"/> into <paramref name="directory"/> (created when missing), in
    /// order, each under the name the server gave (its <c>Content-Disposition</c> or the URL's last path segment),
    /// sanitised; an output without a usable name becomes <c>output-1</c>, <c>output-2</c>... with an extension
    /// from its content type. Stops at the first failure; files already complete are kept, the failed one leaves
    /// nothing behind. Without <paramref name="options"/> only RunComfy's hosts are trusted: for outputs of a
    /// local emulator use <see cref="RunComfyClient.DownloadOutputsAsync"/>, or add its address to
    /// <see cref="DownloadOptions.TrustedOrigins"/>.
    /// </summary>
    /// <param name="directory">The folder to write into.</param>
    /// <param name="options">Allowed hosts, size cap, idle timeout, overwrite policy and file-name prefix; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the download; the partial file is removed.</param>
    /// <returns>The files written, in the order of <see cref="AllUrls"/>.</returns>
    /// <exception cref="RunComfyDownloadException">An output was refused, too large, silent too long, or answered with an error, or the output folder could not be created or written.</exception>
    /// <exception cref="ArgumentException">The directory is empty, or an option is out of range (all such problems in one message).</exception>
    public Task<IReadOnlyList<DownloadedOutput>> DownloadAsync(string directory, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return OutputDownloads.DownloadAllAsync(AllUrls, directory, options ?? new DownloadOptions(), cancellationToken);
    }

    /// <summary>
    /// Opens output number <paramref name="index"/> of <see cref="AllUrls"/> as a stream, following allowed
    /// redirects. Reading it enforces the size cap and the idle timeout; dispose it to close the connection.
    /// </summary>
    /// <param name="index">The position in <see cref="AllUrls"/>, from 0.</param>
    /// <param name="options">Allowed hosts, size cap and idle timeout; null for the defaults.</param>
    /// <param name="cancellationToken">Stops opening the stream (each read takes its own token).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a position in <see cref="AllUrls"/>.</exception>
    /// <exception cref="RunComfyDownloadException">The output was refused, declared too large, silent too long, or answered with an error.</exception>
    public Task<RunComfyDownloadStream> OpenReadAsync(int index, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, AllUrls.Count);
        return OutputDownloads.OpenAsync(AllUrls[index], options ?? new DownloadOptions(), cancellationToken);
    }

    /// <summary>Opens the output at <paramref name="url"/>, one of <see cref="AllUrls"/>, as a stream (see <see cref="OpenReadAsync(int, DownloadOptions?, CancellationToken)"/>).</summary>
    /// <param name="url">One of <see cref="AllUrls"/>.</param>
    /// <param name="options">Allowed hosts, size cap and idle timeout; null for the defaults.</param>
    /// <param name="cancellationToken">Stops opening the stream (each read takes its own token).</param>
    /// <exception cref="ArgumentException"><paramref name="url"/> is not one of this output's URLs.</exception>
    /// <exception cref="RunComfyDownloadException">The output was refused, declared too large, silent too long, or answered with an error.</exception>
    public Task<RunComfyDownloadStream> OpenReadAsync(Uri url, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(url);
        var index = IndexOf(url);
        return index >= 0
            ? OpenReadAsync(index, options, cancellationToken)
            : throw new ArgumentException($"{UrlDisplay.Of(url)} is not one of this output's URLs.", nameof(url));
    }

    private int IndexOf(Uri url)
    {
        for (var i = 0; i < AllUrls.Count; i++)
        {
            if (AllUrls[i] == url)
            {
                return i;
            }
        }

        return -1;
    }
}
