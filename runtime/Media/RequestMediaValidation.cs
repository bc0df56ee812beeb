using RunComfy.Media.Rules;

namespace RunComfy;

/// <summary>Validation of a request together with its media: the checks that need the files themselves.</summary>
public static class RequestMediaValidation
{
    /// <summary>The <see cref="ValidationError.Rule"/> of an error about reading media rather than a broken rule.</summary>
    public const string MediaRule = "media";

    /// <summary>
    /// Runs <see cref="IRunComfyRequest.Validate"/> and then every <c>validations</c> rule on the media itself:
    /// <c>file_size_mb</c> from the size, <c>width_pixels</c>, <c>height_pixels</c> and <c>width/height</c> from
    /// the image header. Local files, bytes and data URIs are always read; remote URLs are probed when
    /// <see cref="MediaValidationOptions.ProbeRemoteUrls"/> is on (the default), concurrently, with a timeout and
    /// a byte cap each. Every problem is returned, none thrown: a rule this runtime does not know is a warning,
    /// media that cannot be read is an error with rule <see cref="MediaRule"/>.
    /// </summary>
    /// <param name="request">The request to check.</param>
    /// <param name="options">How to read media; <see cref="MediaValidationOptions.Default"/> when null.</param>
    /// <param name="cancellationToken">Cancels the reads (a timeout of a probe is an error, not a cancellation).</param>
    /// <returns>Every error and warning, those of <see cref="IRunComfyRequest.Validate"/> first.</returns>
    public static Task<ValidationResult> ValidateAsync(
        this IRunComfyRequest request,
        MediaValidationOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= MediaValidationOptions.Default;
        options.ThrowIfInvalid();
        return MediaRequestValidator.ValidateAsync(request, options, cancellationToken);
    }
}
