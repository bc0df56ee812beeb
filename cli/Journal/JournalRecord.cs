namespace RunComfy.Cli.Journal;

/// <summary>
/// One line of the request journal. It deliberately has no field for the token, the prompt or any
/// media: the journal only has to find a paid job again, not replay it.
/// </summary>
/// <param name="RequestId">The id the API gave the request; null on the line written before a submit is sent, and when its outcome stayed unknown.</param>
/// <param name="ModelId">The model it was submitted to.</param>
/// <param name="State">The last state this process saw (<c>submitting</c>, <c>submitted</c>, <c>outcome_unknown</c>, <c>in_queue</c>, <c>completed</c>...).</param>
/// <param name="BaseAddress">The API the request lives on, so <c>wait</c> can resume it there.</param>
/// <param name="At">When this line was written.</param>
internal sealed record JournalRecord(string? RequestId, string ModelId, string State, string BaseAddress, DateTimeOffset At)
{
    /// <summary>
    /// A local id of one submit attempt, written before the POST (when no request id exists yet) and
    /// again with its outcome, so both lines fold into one entry.
    /// </summary>
    public string? SubmitId { get; init; }
}
