namespace RunComfy;

/// <summary>
/// A call was cancelled through its <see cref="CancellationToken"/>. Still an
/// <see cref="OperationCanceledException"/>, it also says what became of the request.
/// </summary>
public sealed class RunComfyCanceledException : OperationCanceledException
{
    /// <summary>Creates the exception.</summary>
    public RunComfyCanceledException(string message, CancellationToken cancellationToken, Exception? innerException = null)
        : base(message, innerException, cancellationToken)
    {
    }

    /// <summary>The request id, when the submit had been answered.</summary>
    public string? RequestId { get; init; }

    /// <summary>
    /// True when the cancellation came while a submit was in flight: a request may exist whose id never came
    /// back. Check the requests on your RunComfy account before submitting the same input again.
    /// </summary>
    public bool SubmitOutcomeUnknown { get; init; }

    /// <summary>The state last reported by the API, when any status was read.</summary>
    public RunComfyRequestState? LastState { get; init; }

    /// <summary>What the cancel sent on the way out achieved; null when none was sent or it got no answer.</summary>
    public CancelOutcome? CancelOutcome { get; init; }
}
