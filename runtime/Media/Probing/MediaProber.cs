using RunComfy.Media.Headers;
using RunComfy.Media.Remote;
using RunComfy.Media.Sniffing;
using RunComfy.Media.Sources;

namespace RunComfy.Media.Probing;

/// <summary>Reads a media input's type, size and pixel size, touching as few bytes as the question needs.</summary>
internal static class MediaProber
{
    /// <summary>Probes one media input.</summary>
    /// <exception cref="MediaFormatException">Inline content that cannot be decoded, or a read limit reached.</exception>
    /// <exception cref="HttpRequestException">A remote file could not be fetched.</exception>
    /// <exception cref="MediaProbeRefusedException">A URL or redirect the probe rules refuse (never fetched).</exception>
    /// <exception cref="TimeoutException">A remote probe took longer than <see cref="MediaValidationOptions.Timeout"/>.</exception>
    /// <exception cref="IOException">A local file could not be read.</exception>
    /// <exception cref="InvalidOperationException">A URL that <see cref="MediaInput.Validate"/> refuses (never fetched).</exception>
    public static Task<MediaProbeResult> ProbeAsync(MediaInput media, MediaProbeNeeds needs, MediaValidationOptions options, CancellationToken cancellationToken) =>
        media.Kind == MediaInputKind.Url
            ? ProbeRemoteAsync(media, needs, options, cancellationToken)
            : ProbeLocalAsync(media, needs, cancellationToken);

    private static async Task<MediaProbeResult> ProbeLocalAsync(MediaInput media, MediaProbeNeeds needs, CancellationToken cancellationToken)
    {
        await using var source = OpenLocal(media);
        return await ReadAsync(source, needs.Dimensions, cancellationToken).ConfigureAwait(false);
    }

    private static MediaByteSource OpenLocal(MediaInput media) => media.Kind switch
    {
        MediaInputKind.File => FileByteSource.Open(media.FilePath!),
        MediaInputKind.Bytes => new MemoryByteSource(media.Bytes),
        _ => media.DataUriError is { } error ? throw new MediaFormatException("data URI", error)
            : media.ParsedDataUri.IsBase64 ? Base64ByteSource.Create(media.ParsedDataUri.Payload(media.Url!))
            : throw new MediaFormatException("data URI", "only base64 data URIs can be read"),
    };

    private static async Task<MediaProbeResult> ProbeRemoteAsync(MediaInput media, MediaProbeNeeds needs, MediaValidationOptions options, CancellationToken cancellationToken)
    {
        // Callers validate first; this keeps a plain-HTTP URL that was not opted in from ever being fetched.
        if (!media.IsProbeableUrl(out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        var uri = new Uri(media.Url!, UriKind.Absolute);
        var sender = ProbeSender.For(media, uri, options);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        try
        {
            if (!needs.Dimensions)
            {
                var size = await RemoteSizeProbe.GetSizeAsync(sender, timeout.Token).ConfigureAwait(false);
                return new MediaProbeResult(new MediaMetadata(null, size, null, null), null, null, 0, 0);
            }

            var source = new HttpRangeByteSource(sender, options);
            await using (source.ConfigureAwait(false))
            {
                var result = await ReadAsync(source, readDimensions: true, timeout.Token).ConfigureAwait(false);
                return result with { BytesReceived = source.BytesReceived, Requests = source.RequestCount };
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"no complete answer within {options.Timeout.TotalSeconds:0.###} s (MediaValidationOptions.Timeout)");
        }
    }

    /// <summary>Sniffs the type, takes the length, and reads the pixel size of a supported image.</summary>
    internal static async Task<MediaProbeResult> ReadAsync(MediaByteSource source, bool readDimensions, CancellationToken cancellationToken)
    {
        var header = (await source.ReadAsync(0, MediaTypeSniffer.HeaderLength, cancellationToken).ConfigureAwait(false)).ToArray();
        var mimeType = MediaTypeSniffer.Sniff(header) ?? MediaTypes.OctetStream;
        ImageDimensions? dimensions = null;
        MediaFormatException? error = null;
        if (readDimensions && MediaTypes.HasReadableDimensions(mimeType))
        {
            try
            {
                dimensions = await ImageHeaderReader.ReadAsync(source, mimeType, header, cancellationToken).ConfigureAwait(false);
            }
            catch (MediaFormatException exception)
            {
                error = exception;
            }
        }

        var metadata = new MediaMetadata(mimeType, source.Length, dimensions?.Width, dimensions?.Height);
        return new MediaProbeResult(metadata, error, dimensions?.HeaderEnd, 0, 0);
    }
}
