namespace RunComfy;

/// <summary>A JSON request body could not be read as a model's request: every problem is listed.</summary>
public sealed class RequestJsonException : Exception
{
    /// <summary>Creates the exception; the message lists every error.</summary>
    public RequestJsonException(string modelId, IReadOnlyList<ValidationError> errors)
        : base($"The JSON is not a valid request for '{modelId}':"
               + string.Concat(errors.Select(e => Environment.NewLine + "  - " + e)))
    {
        ModelId = modelId;
        Errors = errors;
    }

    /// <summary>The model the JSON was read for.</summary>
    public string ModelId { get; }

    /// <summary>Unknown fields, mistyped values and missing required fields.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }
}
