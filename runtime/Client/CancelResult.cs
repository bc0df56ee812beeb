namespace RunComfy;

/// <summary>The answer of the cancel endpoint.</summary>
public sealed record CancelResult
{
    /// <summary>The request id.</summary>
    public required string RequestId { get; init; }

    /// <summary>What the cancel achieved.</summary>
    public required CancelOutcome Outcome { get; init; }

    /// <summary>The outcome string exactly as the API sent it.</summary>
    public string? RawOutcome { get; init; }

    /// <summary>The request's state after the cancel, when the API said.</summary>
    public RunComfyRequestState State { get; init; }

    /// <summary>The status string exactly as the API sent it.</summary>
    public string? RawStatus { get; init; }
}
