namespace RunComfy.Cli.Journal;

/// <summary>A request as the journal knows it: every line about one submit (or request id) folded into one.</summary>
/// <param name="RequestId">The request id; null when the submit's outcome is unknown (or it is still in flight).</param>
/// <param name="ModelId">The model it was submitted to.</param>
/// <param name="BaseAddress">The API it was submitted to.</param>
/// <param name="SubmittedAt">When it was first recorded.</param>
/// <param name="State">The last state recorded.</param>
/// <param name="UpdatedAt">When the last state was recorded.</param>
internal sealed record JournaledRequest(
    string? RequestId,
    string ModelId,
    string BaseAddress,
    DateTimeOffset SubmittedAt,
    string State,
    DateTimeOffset UpdatedAt);
