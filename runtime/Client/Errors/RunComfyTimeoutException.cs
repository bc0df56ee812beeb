namespace RunComfy;

/// <summary>
/// <see cref="RunComfyClient.RunAsync"/> or <see cref="RunComfyClient.WaitAsync"/> reached
/// <see cref="RunOptions.Timeout"/>. A still-queued request was cancelled (when allowed); a running one goes on
/// and can be resumed with <see cref="RunComfyClient.WaitAsync"/> and <see cref="RequestId"/>.
/// </summary>
public sealed class RunComfyTimeoutException : TimeoutException
{
    /// <summary>Creates the exception.</summary>
    public RunComfyTimeoutException(string message, TimeSpan timeout, Exception? innerException = null)
        : base(message, innerException)
    {
        Timeout = timeout;
    }

    /// <summary>The timeout that expired.</summary>
    public TimeSpan Timeout { get; }

    /// <summary>The request id, when the submit had been answered.</summary>
    public string? RequestId { get; init; }

    /// <summary>True when the timeout came while a submit was in flight: a request may exist whose id never came back.</summary>
    public bool SubmitOutcomeUnknown { get; init; }

    /// <summary>The state last reported by the API, when any status was read.</summary>
    public RunComfyRequestState? LastState { get; init; }

    /// <summary>What the cancel sent on the way out achieved; null when none was sent or it got no answer.</summary>
    public CancelOutcome? CancelOutcome { get; init; }
}
