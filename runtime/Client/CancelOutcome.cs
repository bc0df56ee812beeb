namespace RunComfy;

/// <summary>What a cancel call achieved.</summary>
public enum CancelOutcome
{
    /// <summary>The API answered with an outcome this client does not know; see <see cref="CancelResult.RawOutcome"/>.</summary>
    Unknown = 0,

    /// <summary><c>cancelled</c>: the request was queued and will not run (nor be billed).</summary>
    Cancelled,

    /// <summary><c>not_cancellable</c>: the request is running or finished, and runs on.</summary>
    NotCancellable,

    /// <summary><c>cancellation_requested</c>: the API accepted the cancel and will apply it; check the status.</summary>
    CancellationRequested,
}
