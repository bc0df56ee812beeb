using RunComfy.Media.Probing;

namespace RunComfy;

public sealed partial class MediaInput
{
    /// <summary>
    /// Reads the content's type (from its magic bytes), size and, for PNG, JPEG, WebP and GIF images, stored
    /// width and height, reading only the header: a file or data URI is read where needed, a remote URL with a
    /// few small ranged GETs (regardless of <see cref="MediaValidationOptions.ProbeRemoteUrls"/>, since you asked).
    /// </summary>
    /// <param name="options">Timeouts, limits and the HTTP client for a remote URL; <see cref="MediaValidationOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <returns>The metadata; width and height are null for non-images and other image formats.</returns>
    /// <exception cref="MediaFormatException">An image header is truncated, corrupt or hostile, or a read limit was reached.</exception>
    /// <exception cref="HttpRequestException">A remote file could not be fetched.</exception>
    /// <exception cref="TimeoutException">A remote file took longer than <see cref="MediaValidationOptions.Timeout"/>.</exception>
    /// <exception cref="IOException">A local file could not be read.</exception>
    public async Task<MediaMetadata> ReadMetadataAsync(MediaValidationOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= MediaValidationOptions.Default;
        options.ThrowIfInvalid();
        if (Kind == MediaInputKind.Url && !IsProbeableUrl(out var problem))
        {
            throw new InvalidOperationException(problem);
        }

        var result = await MediaProber.ProbeAsync(this, new MediaProbeNeeds(Size: true, Dimensions: true), options, cancellationToken).ConfigureAwait(false);
        return result.DimensionsError is { } error ? throw error : result.Metadata;
    }

    /// <summary>Whether this is a URL a probe may fetch (the same test <see cref="Validate"/> applies).</summary>
    internal bool IsProbeableUrl(out string? problem)
    {
        var errors = new List<ValidationError>(1);
        ValidateUrl("", errors);
        problem = errors.Count == 0 ? null : errors[0].Message;
        return problem is null;
    }
}
