namespace RunComfy;

/// <summary>The <c>error</c> of a failed request, as the result endpoint reports it.</summary>
public sealed record RequestError
{
    /// <summary>What went wrong, in the API's words.</summary>
    public required string Message { get; init; }

    /// <summary>An error code, when the API gives one.</summary>
    public string? Code { get; init; }

    /// <summary>The <c>error</c> value as JSON text (a string or an object).</summary>
    public string? RawJson { get; init; }
}
