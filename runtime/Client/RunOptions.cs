namespace RunComfy;

/// <summary>Options for one <see cref="RunComfyClient.RunAsync"/> or <see cref="RunComfyClient.WaitAsync"/> call.</summary>
public sealed class RunOptions
{
    /// <summary>
    /// Receives a report after the submit, after every status answer and after every failed poll. An exception
    /// thrown by it is logged and ignored: it never breaks the wait.
    /// </summary>
    public IProgress<RunProgress>? Progress { get; set; }

    /// <summary>
    /// The longest the whole call may take (submit, waiting and result); null waits until the request ends
    /// or the <see cref="CancellationToken"/> fires. Default 30 minutes, like the official ComfyUI nodes.
    /// When it expires a still-queued request is cancelled (see <see cref="CancelQueuedRequestOnAbort"/>) and
    /// <see cref="RunComfyTimeoutException"/> is thrown with the request id, so a running one can be resumed.
    /// </summary>
    public TimeSpan? Timeout { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// On a timeout or cancellation, cancel the request if it was still queued (it would otherwise run and be
    /// billed with nobody waiting). Default true. A running request cannot be cancelled and is left to finish.
    /// </summary>
    public bool CancelQueuedRequestOnAbort { get; set; } = true;

    /// <summary>The most time spent on that cancel call (retries included) before giving up on it. Default 10 seconds.</summary>
    public TimeSpan CancelTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How many status answers in a row with a status string this client does not know are tolerated before
    /// the wait fails with <see cref="UnknownRequestStateException"/>. Default 5; 0 fails at the first one.
    /// A few are tolerated so that a new, short transitional state on the server does not break running jobs;
    /// the bound keeps an unknown terminal state from being polled forever.
    /// </summary>
    public int UnknownStatusLimit { get; set; } = 5;

    /// <summary>
    /// How many status or result calls in a row may fail (each after its own retries, see
    /// <see cref="RunComfyClientOptions.Retry"/>) before the wait gives up with
    /// <see cref="RunComfyPollingFailedException"/>. Default 10: with the default retries, a minute or more of an
    /// unreachable API. Each failure is reported through <see cref="Progress"/> and logged. The request may still
    /// run: resume with <see cref="RunComfyClient.WaitAsync"/>. Must be at least 1.
    /// </summary>
    public int MaxConsecutivePollFailures { get; set; } = 10;

    /// <summary>Ask for the cost with the result; null uses <see cref="RunComfyClientOptions.IncludeCost"/>.</summary>
    public bool? IncludeCost { get; set; }
}
