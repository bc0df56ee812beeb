namespace RunComfy;

/// <summary>
/// Every problem of a JSON request body at once (<see cref="ModelInfo.Check"/>): what stops it being read
/// (a wrong JSON type, a value outside an enum, an unknown or missing field), what <see cref="IRunComfyRequest.Validate"/>
/// finds in the values that could be read (lengths, limits, counts), and, from <see cref="ModelInfo.CheckAsync"/>,
/// what the media themselves break (size, pixels). Each is a (path, rule, message).
/// </summary>
public sealed class RequestCheck
{
    internal RequestCheck(IRunComfyRequest? request, IReadOnlyList<ValidationError> parseErrors, IReadOnlyList<ValidationError> validationErrors, IReadOnlyList<ValidationError> mediaErrors, IReadOnlyList<ValidationError> warnings)
    {
        Request = request;
        ParseErrors = parseErrors;
        ValidationErrors = validationErrors;
        MediaErrors = mediaErrors;
        Warnings = warnings;
    }

    /// <summary>The request, when the body could be read completely (no <see cref="ParseErrors"/>); it may still be invalid.</summary>
    public IRunComfyRequest? Request { get; }

    /// <summary>Why the body cannot be read as the model's request: rules <c>json</c>, <c>type</c>, <c>enum</c>, <c>unknown</c>, <c>duplicate</c>, <c>required</c>.</summary>
    public IReadOnlyList<ValidationError> ParseErrors { get; }

    /// <summary>
    /// The schema rules broken by the values that could be read. A path that already has a parse error is not
    /// repeated here (a mistyped required field is not also "not set").
    /// </summary>
    public IReadOnlyList<ValidationError> ValidationErrors { get; }

    /// <summary>The <c>validations</c> media rules broken by the media themselves; empty unless checked with <see cref="ModelInfo.CheckAsync"/>.</summary>
    public IReadOnlyList<ValidationError> MediaErrors { get; }

    /// <summary>What could not be checked (a remote file that did not answer, a rule this runtime does not know).</summary>
    public IReadOnlyList<ValidationError> Warnings { get; }

    /// <summary>Every error, parse errors first, then validation, then media.</summary>
    public IReadOnlyList<ValidationError> Errors => [.. ParseErrors, .. ValidationErrors, .. MediaErrors];

    /// <summary>True when nothing is wrong: the body can be sent.</summary>
    public bool IsValid => ParseErrors.Count == 0 && ValidationErrors.Count == 0 && MediaErrors.Count == 0;
}
