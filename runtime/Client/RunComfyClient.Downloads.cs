using RunComfy.Downloads;

namespace RunComfy;

// Downloads live on the client (as well as on RequestOutput) so they can be mocked like every other operation,
// and so the outputs of the API this client talks to (a local emulator, a gateway) are trusted without setup.
// They never go through the client's HttpClient: the API token must not reach a file host.
public partial class RunComfyClient
{
    /// <summary>
    /// Downloads the outputs of <paramref name="result"/> into <paramref name="directory"/>, as
    /// <see cref="RequestOutput.DownloadAsync"/> does, with this client's API address also trusted when it is not
    /// RunComfy's (the emulator serves outputs from its own address). No request carries the API token.
    /// </summary>
    /// <param name="result">A result, usually completed.</param>
    /// <param name="directory">The folder to write into (created when missing).</param>
    /// <param name="options">Allowed hosts, size cap, idle timeout, overwrite policy and file-name prefix; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the download; the partial file is removed.</param>
    /// <returns>The files written, in the order of <see cref="RequestOutput.AllUrls"/>.</returns>
    /// <exception cref="RunComfyDownloadException">An output was refused, too large, silent too long, or answered with an error, or the output folder could not be created or written.</exception>
    public virtual Task<IReadOnlyList<DownloadedOutput>> DownloadOutputsAsync(RequestResult result, string directory, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        return OutputDownloads.DownloadAllAsync(result.Output.AllUrls, directory, DownloadOptionsFor(options), cancellationToken);
    }

    /// <summary>
    /// Opens output number <paramref name="index"/> of <paramref name="result"/> as a stream, as
    /// <see cref="RequestOutput.OpenReadAsync(int, DownloadOptions?, CancellationToken)"/> does, with this client's
    /// API address also trusted when it is not RunComfy's.
    /// </summary>
    /// <param name="result">A result, usually completed.</param>
    /// <param name="index">The position in <see cref="RequestOutput.AllUrls"/>, from 0.</param>
    /// <param name="options">Allowed hosts, size cap and idle timeout; null for the defaults.</param>
    /// <param name="cancellationToken">Stops opening the stream (each read takes its own token).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="index"/> is not a position in <see cref="RequestOutput.AllUrls"/>.</exception>
    /// <exception cref="RunComfyDownloadException">The output was refused, declared too large, silent too long, or answered with an error.</exception>
    public virtual Task<RunComfyDownloadStream> OpenOutputAsync(RequestResult result, int index, DownloadOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Output.OpenReadAsync(index, DownloadOptionsFor(options), cancellationToken);
    }

    /// <summary>The options with this client's API origin trusted, unless it is RunComfy's own (already allowed over HTTPS).</summary>
    private DownloadOptions DownloadOptionsFor(DownloadOptions? options)
    {
        options ??= new DownloadOptions();
        var isDefault = Uri.Compare(BaseAddress, RunComfyClientOptions.DefaultBaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        return isDefault ? options : options.WithTrustedOrigin(BaseAddress);
    }
}
