namespace RunComfy;

/// <summary>
/// <see cref="RunComfyClient.RunAsync"/> or <see cref="RunComfyClient.WaitAsync"/> stopped waiting because
/// <see cref="RunOptions.MaxConsecutivePollFailures"/> status or result calls in a row failed (each after its
/// own retries): the API is unreachable or keeps failing. The request itself may be fine and still running,
/// and will be billed if it completes: resume with <see cref="RunComfyClient.WaitAsync"/> and
/// <see cref="RunComfyException.RequestId"/> once the API answers again.
/// </summary>
/// <remarks><see cref="Exception.InnerException"/>, <see cref="RunComfyException.Status"/> and <see cref="RunComfyException.ErrorCode"/> are those of the last failure.</remarks>
public sealed class RunComfyPollingFailedException : RunComfyException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="requestId">The request that was being waited on.</param>
    /// <param name="consecutiveFailures">How many polls in a row failed.</param>
    /// <param name="lastError">The last failure.</param>
    public RunComfyPollingFailedException(string message, string requestId, int consecutiveFailures, RunComfyException lastError)
        : base(message, lastError?.Status, lastError?.ErrorCode, lastError)
    {
        ArgumentNullException.ThrowIfNull(lastError);
        RequestId = requestId;
        ConsecutiveFailures = consecutiveFailures;
        RetryAfter = lastError.RetryAfter;
        IsTransient = true;
    }

    /// <summary>How many status or result calls in a row failed.</summary>
    public int ConsecutiveFailures { get; }

    /// <summary>The state last reported by the API, when any status was read.</summary>
    public RunComfyRequestState? LastState { get; init; }

    /// <summary>What the cancel sent on the way out achieved (only a still-queued request is cancelled); null when none was sent or it got no answer.</summary>
    public CancelOutcome? CancelOutcome { get; init; }
}
