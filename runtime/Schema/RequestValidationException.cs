namespace RunComfy;

/// <summary>A request broke rules of its model's input schema; nothing was sent.</summary>
public sealed class RequestValidationException : Exception
{
    /// <summary>Creates the exception; the message lists every error.</summary>
    public RequestValidationException(string modelId, IReadOnlyList<ValidationError> errors)
        : base(FormatMessage(modelId, errors))
    {
        ModelId = modelId;
        Errors = errors;
    }

    /// <summary>The model the request was for.</summary>
    public string ModelId { get; }

    /// <summary>Every broken rule.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    private static string FormatMessage(string modelId, IReadOnlyList<ValidationError> errors) =>
        $"The request for '{modelId}' is invalid ({errors.Count} error{(errors.Count == 1 ? "" : "s")}):"
        + string.Concat(errors.Select(e => Environment.NewLine + "  - " + e));
}
