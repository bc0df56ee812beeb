using System.Net;
using System.Net.Http.Headers;

namespace RunComfy.Cli.Downloads;

/// <summary>
/// Downloads a request's outputs into a folder. Every URL (and every redirect hop) must pass the
/// <see cref="DownloadPolicy"/>; bodies are streamed into a temporary file next to the target, counted
/// against the size cap, and moved into place only when complete, so a failure never leaves a
/// partial file behind. No credentials are sent: output URLs are public and must not see the API token.
/// </summary>
internal sealed class OutputDownloader : IDisposable
{
    private const int MaxRedirects = 5;

    /// <summary>The default <see cref="_idleTimeout"/>: as long as one API call may take.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromSeconds(60);

    private readonly HttpClient _http;
    private readonly DownloadPolicy _policy;
    private readonly TimeSpan _idleTimeout;

    /// <param name="policy">Which URLs may be fetched, and the size cap.</param>
    /// <param name="handler">The HTTP handler; tests pass a stub.</param>
    /// <param name="idleTimeout">The most the server may stay silent (for the headers, or between two reads of the body) before the download is given up.</param>
    public OutputDownloader(DownloadPolicy policy, HttpMessageHandler? handler = null, TimeSpan? idleTimeout = null)
    {
        _policy = policy;
        _idleTimeout = idleTimeout ?? DefaultIdleTimeout;
        _http = new HttpClient(handler ?? new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("comfy-schema", typeof(OutputDownloader).Assembly.GetName().Version?.ToString(3) ?? "0"));
    }

    /// <summary>Downloads every URL into <paramref name="directory"/>, in order; stops at the first failure.</summary>
    public async Task<IReadOnlyList<DownloadedFile>> DownloadAllAsync(IReadOnlyList<Uri> urls, string directory, CancellationToken cancellationToken = default)
    {
        var files = new List<DownloadedFile>(urls.Count);
        for (var i = 0; i < urls.Count; i++)
        {
            files.Add(await DownloadAsync(urls[i], directory, $"output-{i + 1}", cancellationToken).ConfigureAwait(false));
        }

        return files;
    }

    /// <summary>Downloads one URL into <paramref name="directory"/> under a sanitised, unused name.</summary>
    public async Task<DownloadedFile> DownloadAsync(Uri url, string directory, string fallbackName, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(directory);
        using var response = await GetFollowingAllowedRedirectsAsync(url, cancellationToken).ConfigureAwait(false);
        if (response.Content.Headers.ContentLength is long declared && declared > _policy.MaxBytes)
        {
            throw new DownloadException(url, $"{DownloadException.Shown(url)} is {declared:N0} bytes, over the {_policy.MaxBytes:N0}-byte cap.");
        }

        var name = FileNameSanitizer.Sanitize(Uri.UnescapeDataString(url.AbsolutePath), fallbackName);
        if (!Path.HasExtension(name) && ExtensionFor(response.Content.Headers.ContentType?.MediaType) is { } extension)
        {
            name += extension;
        }

        var temporary = Path.Combine(directory, $".{Guid.NewGuid():N}.part");
        try
        {
            long written;
            await using (var target = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            await using (var source = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
            {
                written = await CopyCappedAsync(url, source, target, cancellationToken).ConfigureAwait(false);
            }

            var path = MoveToUnusedName(temporary, directory, name);
            return new DownloadedFile(url, path, written);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public void Dispose() => _http.Dispose();

    private async Task<HttpResponseMessage> GetFollowingAllowedRedirectsAsync(Uri url, CancellationToken cancellationToken)
    {
        var current = url;
        for (var hop = 0; ; hop++)
        {
            if (!_policy.IsAllowed(current, out var reason))
            {
                throw new DownloadException(url, $"Refusing to download {DownloadException.Shown(url)}: {reason}.");
            }

            HttpResponseMessage response;
            using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            idle.CancelAfter(_idleTimeout);
            try
            {
                response = await _http.GetAsync(current, HttpCompletionOption.ResponseHeadersRead, idle.Token).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new DownloadException(url, $"Could not download {DownloadException.Shown(url)}: {e.Message}", inner: e);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw Stalled(url, e);
            }

            if (IsRedirect(response.StatusCode) && response.Headers.Location is { } location)
            {
                response.Dispose();
                if (hop >= MaxRedirects)
                {
                    throw new DownloadException(url, $"Too many redirects downloading {DownloadException.Shown(url)}.");
                }

                current = location.IsAbsoluteUri ? location : new Uri(current, location);
                continue;
            }

            if (!response.IsSuccessStatusCode)
            {
                var status = (int)response.StatusCode;
                response.Dispose();
                throw new DownloadException(url, $"Could not download {DownloadException.Shown(url)}: HTTP {status}.", status);
            }

            return response;
        }
    }

    private async Task<long> CopyCappedAsync(Uri url, Stream source, Stream target, CancellationToken cancellationToken)
    {
        var buffer = new byte[81920];
        long total = 0;
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        while (true)
        {
            // Each read gets the whole idle timeout: a slow but moving download goes on, a silent one stops.
            idle.CancelAfter(_idleTimeout);
            int read;
            try
            {
                read = await source.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                throw Stalled(url, e);
            }

            if (read == 0)
            {
                break;
            }

            total += read;
            if (total > _policy.MaxBytes)
            {
                throw new DownloadException(url, $"{DownloadException.Shown(url)} is larger than the {_policy.MaxBytes:N0}-byte cap; the partial file was removed.");
            }

            await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
        }

        return total;
    }

    private DownloadException Stalled(Uri url, Exception inner) =>
        new(url, $"Could not download {DownloadException.Shown(url)}: no data for {_idleTimeout.TotalSeconds:0}s; the partial file was removed.", inner: inner);

    private static string MoveToUnusedName(string temporary, string directory, string name)
    {
        var stem = Path.GetFileNameWithoutExtension(name);
        var extension = Path.GetExtension(name);
        for (var n = 0; ; n++)
        {
            var path = Path.Combine(directory, n == 0 ? name : $"{stem}-{n}{extension}");
            if (File.Exists(path))
            {
                continue;
            }

            try
            {
                // Never overwrite: another process may have taken the name since the check.
                File.Move(temporary, path, overwrite: false);
                return path;
            }
            catch (IOException) when (File.Exists(path) && n < 10_000)
            {
            }
        }
    }

    private static bool IsRedirect(HttpStatusCode status) =>
        status is HttpStatusCode.MovedPermanently or HttpStatusCode.Found or HttpStatusCode.SeeOther
            or HttpStatusCode.TemporaryRedirect or HttpStatusCode.PermanentRedirect;

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
