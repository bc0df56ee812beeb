namespace RunComfy.Cli.Inputs;

/// <summary>Checks the schema's <c>validations</c> media rules on the real bytes, through the runtime.</summary>
internal static class MediaValidation
{
    /// <param name="request">A request that passed <see cref="IRunComfyRequest.Validate"/>.</param>
    /// <param name="probeRemoteMedia">Whether media given as URLs are fetched (partly) to check them; off for the emulator, which has no network.</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    public static Task<ValidationResult> ValidateAsync(IRunComfyRequest request, bool probeRemoteMedia, CancellationToken cancellationToken) =>
        request.ValidateAsync(new MediaValidationOptions { ProbeRemoteUrls = probeRemoteMedia }, cancellationToken);
}
