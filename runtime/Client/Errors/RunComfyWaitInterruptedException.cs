namespace RunComfy;

/// <summary>
/// Something other than an API error broke off <see cref="RunComfyClient.RunAsync"/> or
/// <see cref="RunComfyClient.WaitAsync"/> after the request existed (for example the client was disposed, or
/// the process ran out of memory). The original exception is <see cref="Exception.InnerException"/>; this one
/// adds the request id, so a paid request is never left without a way to find it. It may still be running:
/// resume with <see cref="RunComfyClient.WaitAsync"/>.
/// </summary>
public sealed class RunComfyWaitInterruptedException : RunComfyException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">The full message.</param>
    /// <param name="requestId">The request that was being waited on.</param>
    /// <param name="innerException">What broke the wait off.</param>
    public RunComfyWaitInterruptedException(string message, string requestId, Exception innerException)
        : base(message, innerException: innerException ?? throw new ArgumentNullException(nameof(innerException)))
    {
        RequestId = requestId;
    }

    /// <summary>The state last reported by the API, when any status was read.</summary>
    public RunComfyRequestState? LastState { get; init; }

    /// <summary>What the cancel sent on the way out achieved (only a still-queued request is cancelled); null when none was sent or it got no answer.</summary>
    public CancelOutcome? CancelOutcome { get; init; }
}
