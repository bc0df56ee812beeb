namespace RunComfy;

/// <summary>The outcome of validating a request: every problem found, not just the first.</summary>
public sealed class ValidationResult
{
    /// <summary>A result with no errors and no warnings.</summary>
    public static ValidationResult Success { get; } = new([], []);

    /// <summary>Creates a result.</summary>
    public ValidationResult(IReadOnlyList<ValidationError> errors, IReadOnlyList<ValidationError>? warnings = null)
    {
        Errors = errors;
        Warnings = warnings ?? [];
    }

    /// <summary>True when there are no errors (warnings do not count).</summary>
    public bool IsValid => Errors.Count == 0;

    /// <summary>Every broken rule.</summary>
    public IReadOnlyList<ValidationError> Errors { get; }

    /// <summary>Things that were not checked, such as a <c>validations</c> rule this runtime does not know.</summary>
    public IReadOnlyList<ValidationError> Warnings { get; }

    /// <summary>Throws <see cref="RequestValidationException"/> listing every error when the result is not valid.</summary>
    public void ThrowIfInvalid(string modelId)
    {
        if (!IsValid)
        {
            throw new RequestValidationException(modelId, Errors);
        }
    }
}
