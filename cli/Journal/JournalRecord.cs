namespace RunComfy.Cli.Journal;

/// <summary>
/// One line of the request journal. It deliberately has no field for the token, the prompt or any
/// media: the journal only has to find a paid job again, not replay it.
/// </summary>
/// <param name="RequestId">The id the API gave the request.</param>
/// <param name="ModelId">The model it was submitted to.</param>
/// <param name="State">The last state this process saw (<c>submitted</c>, <c>in_queue</c>, <c>completed</c>...).</param>
/// <param name="BaseAddress">The API the request lives on, so <c>wait</c> can resume it there.</param>
/// <param name="At">When this line was written.</param>
internal sealed record JournalRecord(string RequestId, string ModelId, string State, string BaseAddress, DateTimeOffset At);
