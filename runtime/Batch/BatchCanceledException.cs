namespace RunComfy;

/// <summary>
/// The batch was cancelled. Jobs still queued were cancelled on the server (unless
/// <see cref="BatchOptions.CancelQueuedJobsOnAbort"/> is false); <see cref="Unfinished"/> lists every item that was
/// submitted (or may have been) and whose outcome was not yielded, so nothing paid for is lost.
/// </summary>
public sealed class BatchCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public BatchCanceledException(string message, IReadOnlyList<BatchItemResult> unfinished, CancellationToken cancellationToken)
        : base(message, null, cancellationToken)
    {
        Unfinished = unfinished;
    }

    /// <summary>
    /// Items without a yielded outcome: <see cref="BatchItemOutcome.WaitFailed"/> with the request id (its
    /// <see cref="BatchItemResult.Error"/> is a <see cref="RunComfyCanceledException"/> telling whether it was
    /// cancelled), or <see cref="BatchItemOutcome.SubmitOutcomeUnknown"/> when the submit was in flight.
    /// </summary>
    public IReadOnlyList<BatchItemResult> Unfinished { get; }
}
