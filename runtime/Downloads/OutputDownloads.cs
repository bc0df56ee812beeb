using System.Net;
using System.Net.Http.Headers;
using RunComfy.Client.Wire;
using RunComfy.Media.Remote;

namespace RunComfy.Downloads;

/// <summary>
/// Fetches outputs under <see cref="DownloadOptions"/>. Every URL and every redirect hop must pass
/// <see cref="DownloadHostRules"/>; an allowed host's addresses are checked before the request (for a message that
/// names them) and again where the connection is made (<see cref="ProbeNetwork"/>, so no DNS answer can slip a
/// private address in between). Requests are built here and sent through the probes' guarded clients, never the
/// API's <see cref="HttpClient"/>: no <c>Authorization</c> header, no proxy, no automatic redirect, no decompression.
/// Files are streamed into a temporary file next to the target and moved into place only when complete.
/// </summary>
internal static class OutputDownloads
{
    /// <summary>Redirects followed for one download at most.</summary>
    public const int MaxRedirects = 5;

    private static readonly ProductInfoHeaderValue[] UserAgent =
    [
        new("RunComfy.SchemaClient", typeof(OutputDownloads).Assembly.GetName().Version?.ToString(3) ?? "0"),
        new("(download)"),
    ];

    /// <summary>Opens <paramref name="url"/> for reading, following allowed redirects.</summary>
    /// <exception cref="RunComfyDownloadException">Refused, over the cap, silent, unreachable or an HTTP error.</exception>
    public static async Task<RunComfyDownloadStream> OpenAsync(Uri url, DownloadOptions options, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(url);
        options.Validate();
        var response = await GetFollowingAllowedRedirectsAsync(url, options, cancellationToken).ConfigureAwait(false);
        try
        {
            if (response.Content.Headers.ContentLength is long declared && declared > options.MaxBytesPerFile)
            {
                throw new RunComfyDownloadException(url, $"{UrlDisplay.Of(url)} is {declared:N0} bytes, over the {options.MaxBytesPerFile:N0}-byte cap.");
            }

            var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
            return new RunComfyDownloadStream(url, response, body, options.MaxBytesPerFile, options.IdleTimeout);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>Downloads every URL into <paramref name="directory"/>, in order (fallback names <c>output-1</c>, <c>output-2</c>...); stops at the first failure, keeping the files already complete.</summary>
    public static async Task<IReadOnlyList<DownloadedOutput>> DownloadAllAsync(IReadOnlyList<Uri> urls, string directory, DownloadOptions options, CancellationToken cancellationToken)
    {
        var files = new List<DownloadedOutput>(urls.Count);
        for (var i = 0; i < urls.Count; i++)
        {
            files.Add(await DownloadAsync(urls[i], directory, $"output-{i + 1}", options, cancellationToken).ConfigureAwait(false));
        }

        return files;
    }

    /// <summary>Downloads one URL into <paramref name="directory"/> under a sanitised name (<paramref name="fallbackName"/> when the server gives none).</summary>
    public static async Task<DownloadedOutput> DownloadAsync(Uri url, string directory, string fallbackName, DownloadOptions options, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        options.Validate();
        var urlName = DownloadFileName.Sanitize(Uri.UnescapeDataString(url.IsAbsoluteUri ? url.AbsolutePath : url.OriginalString), fallbackName);
        if (options.Overwrite == DownloadOverwrite.Fail)
        {
            // Fail before paying for the transfer when the name from the URL is already taken.
            ThrowIfTaken(url, directory, Prefixed(urlName, options));
        }
        else if (options.Overwrite == DownloadOverwrite.Replace && Directory.Exists(Path.Combine(directory, Prefixed(urlName, options))))
        {
            // Likewise when a folder holds the name a file cannot replace (the server's name is checked again at the end).
            throw OutputFolderFailure.FolderInTheWay(url, Prefixed(urlName, options), directory, downloaded: false);
        }

        using var source = await OpenAsync(url, options, cancellationToken).ConfigureAwait(false);
        var name = DownloadFileName.Sanitize(source.SuggestedFileName, urlName);
        if (!Path.HasExtension(name) && ExtensionFor(source.ContentType) is { } extension)
        {
            // Sanitised again so that the extension counts against the 200-byte cap.
            name = DownloadFileName.Sanitize(name + extension, fallbackName + extension);
        }

        name = Prefixed(name, options);
        try
        {
            // Only once the URL is allowed and answering: a refused download leaves no empty folder behind.
            Directory.CreateDirectory(directory);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputFolderFailure.FolderNotCreated(url, name, directory, e);
        }

        var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.part");
        try
        {
            await using (var target = CreateTemporary(url, name, directory, temporary))
            {
                try
                {
                    await source.CopyToAsync(target, 81920, cancellationToken).ConfigureAwait(false);
                }
                catch (RunComfyDownloadException e)
                {
                    // Over the cap, silent or broken mid-body: say that nothing was left behind.
                    throw new RunComfyDownloadException(url, $"{e.Message.TrimEnd('.')}; the partial file was removed.", innerException: e.InnerException ?? e);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException && !cancellationToken.IsCancellationRequested)
                {
                    // The source turns its own failures into RunComfyDownloadException: this one is the disk's.
                    throw OutputFolderFailure.NotWritten(url, name, directory, e, started: true);
                }
            }

            var path = Place(url, temporary, directory, name, options.Overwrite);
            return new DownloadedOutput(path, url, source.BytesRead, source.ContentType);
        }
        catch
        {
            // Failed, refused or cancelled: no partial file stays behind.
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>Creates the temporary file, never over an existing one.</summary>
    private static FileStream CreateTemporary(Uri url, string name, string directory, string temporary)
    {
        try
        {
            return new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw OutputFolderFailure.NotWritten(url, name, directory, e, started: false);
        }
    }

    /// <summary>The error for a server silent past the idle timeout.</summary>
    internal static RunComfyDownloadException Stalled(Uri url, TimeSpan idleTimeout, Exception inner) =>
        new(url, $"Could not download {UrlDisplay.Of(url)}: no data for {idleTimeout.TotalSeconds:0.###}s.", innerException: inner);

    private static async Task<HttpResponseMessage> GetFollowingAllowedRedirectsAsync(Uri url, DownloadOptions options, CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (DownloadHostRules.Check(current, options, out var reason) is not { } policy)
            {
                throw new RunComfyDownloadException(url, $"Refusing to download {UrlDisplay.Of(url)}: {reason}.");
            }

            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(options.IdleTimeout);
            HttpResponseMessage response;
            try
            {
                await CheckAddressesAsync(url, current, policy, options, idle.Token).ConfigureAwait(false);
                using var request = new HttpRequestMessage(HttpMethod.Get, current);
                foreach (var product in UserAgent)
                {
                    request.Headers.UserAgent.Add(product);
                }

                response = await options.Network.ClientFor(policy).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException e) when (FindRefusal(e) is { } refusal)
            {
                // The connect-time check refused an address the name resolved to only now.
                throw new RunComfyDownloadException(url, $"Refusing to download {UrlDisplay.Of(url)}: {options.TrustAdvice.Reword(refusal.Reason, DownloadHostRules.OriginOf(current))}.", innerException: refusal);
            }
            catch (HttpRequestException e)
            {
                throw new RunComfyDownloadException(url, $"Could not download {UrlDisplay.Of(url)}: {e.Message}", innerException: e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw Stalled(url, options.IdleTimeout, e);
            }

            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                response.Dispose();
                if (hop >= MaxRedirects)
                {
                    throw new RunComfyDownloadException(url, $"Too many redirects downloading {UrlDisplay.Of(url)}.");
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                throw new RunComfyDownloadException(url, $"Could not download {UrlDisplay.Of(url)}: HTTP {status}.", status);
            }

            return response;
        }
    }

    /// <summary>
    /// Refuses a host whose addresses the policy refuses before anything is sent, naming the address; the guarded
    /// client checks again at connect time, so this is for the message, not the guarantee.
    /// </summary>
    private static async Task CheckAddressesAsync(Uri url, Uri hop, ProbeAddressPolicy policy, DownloadOptions options, CancellationToken cancellationToken)
    {
        if (policy.AllowLoopback && policy.AllowPrivateAddresses)
        {
            return;
        }

        var host = hop.IdnHost;
        IPAddress[] addresses;
        try
        {
            addresses = await options.Network.ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new RunComfyDownloadException(url, $"Could not download {UrlDisplay.Of(url)}: {e.Message}", innerException: e);
        }

        foreach (var address in addresses)
        {
            if (ProbeAddressRules.Refusal(address, policy) is { } refusal)
            {
                throw new RunComfyDownloadException(url, $"Refusing to download {UrlDisplay.Of(url)}: {DownloadNetwork.Describe(host, address, refusal, options.TrustAdvice, DownloadHostRules.OriginOf(hop))}.");
            }
        }
    }

    private static string Prefixed(string name, DownloadOptions options) =>
        options.FileNamePrefix is { Length: > 0 } prefix ? DownloadFileName.Sanitize(prefix + name, prefix + name) : name;

    private static void ThrowIfTaken(Uri url, string directory, string name)
    {
        if (File.Exists(Path.Combine(directory, name)) || Directory.Exists(Path.Combine(directory, name)))
        {
            throw Taken(url, name);
        }
    }

    /// <summary>Moves the complete temporary file to its name under the overwrite policy; returns the full path.</summary>
    private static string Place(Uri url, string temporary, string directory, string name, DownloadOverwrite overwrite)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 0; ; n++)
        {
            var path = Path.GetFullPath(Path.Combine(directory, n == 0 ? name : $"{stem}-{n}{extension}"));
            if (overwrite == DownloadOverwrite.Replace)
            {
                if (Directory.Exists(path))
                {
                    // A file never replaces a folder (File.Move would fail with the file system's words).
                    throw OutputFolderFailure.FolderInTheWay(url, name, directory, downloaded: true);
                }

                try
                {
                    // Atomic on one volume: readers see the old file or the new one, never a partial one.
                    File.Move(temporary, path, overwrite: true);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw Directory.Exists(path) ? OutputFolderFailure.FolderInTheWay(url, name, directory, downloaded: true) : OutputFolderFailure.NotMoved(url, name, directory, e);
                }

                return path;
            }

            if (File.Exists(path) || Directory.Exists(path))
            {
                ThrowIfTakenUnderFail(url, name, overwrite);
                continue;
            }

            try
            {
                // Never overwrite: another process may have taken the name since the check.
                File.Move(temporary, path, overwrite: false);
                return path;
            }
            catch (IOException) when ((File.Exists(path) || Directory.Exists(path)) && n < 10_000)
            {
                ThrowIfTakenUnderFail(url, name, overwrite);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw OutputFolderFailure.NotMoved(url, name, directory, e);
            }
        }
    }

    private static void ThrowIfTakenUnderFail(Uri url, string name, DownloadOverwrite overwrite)
    {
        if (overwrite == DownloadOverwrite.Fail)
        {
            throw Taken(url, name);
        }
    }

    private static RunComfyDownloadException Taken(Uri url, string name) =>
        new(url, $"Not downloading {UrlDisplay.Of(url)}: '{name}' already exists in the output folder.");

    private static MediaProbeRefusedException? FindRefusal(Exception exception)
    {
        for (var inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is MediaProbeRefusedException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;

    private static string? ExtensionFor(string? mediaType) => mediaType?.ToLowerInvariant() switch
    {
        "image/png" => ".png",
        "image/jpeg" => ".jpg",
        "image/webp" => ".webp",
        "image/gif" => ".gif",
        "video/mp4" => ".mp4",
        "video/webm" => ".webm",
        "video/quicktime" => ".mov",
        "audio/mpeg" => ".mp3",
        "audio/wav" or "audio/x-wav" => ".wav",
        "audio/ogg" => ".ogg",
        _ => null,
    };

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
