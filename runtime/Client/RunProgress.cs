namespace RunComfy;

/// <summary>
/// A progress report of <see cref="RunComfyClient.RunAsync"/> or <see cref="RunComfyClient.WaitAsync"/>, sent after every
/// status answer and after every failed poll. The first status is read as soon as the submit has answered (or the wait
/// began), so the first report already carries the state and, while queued, the queue position; if a run's first
/// status read has not answered within the poll interval, a report with the request id (state
/// <see cref="RunComfyRequestState.InQueue"/>, no position, no polls) comes first, so the id is never held back.
/// </summary>
public sealed record RunProgress
{
    /// <summary>The request id.</summary>
    public required string RequestId { get; init; }

    /// <summary>The state last reported by the API (<see cref="RunComfyRequestState.Unknown"/> when a wait's first poll failed).</summary>
    public required RunComfyRequestState State { get; init; }

    /// <summary>The status string last reported by the API.</summary>
    public string? RawStatus { get; init; }

    /// <summary>The queue position while queued, when the API sent one.</summary>
    public int? QueuePosition { get; init; }

    /// <summary>
    /// For <see cref="RunComfyClient.RunAsync"/>, the time since the submit was answered (when the job existed);
    /// for <see cref="RunComfyClient.WaitAsync"/>, the time since the wait began, since the status endpoint does not
    /// say when a job was created. The job's own duration on RunComfy's clock is <see cref="RequestResult.Duration"/>.
    /// </summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>How many status answers have been read so far.</summary>
    public int Polls { get; init; }

    /// <summary>
    /// How many status or result calls in a row have failed (each after its own retries); 0 after a good answer.
    /// The wait gives up at <see cref="RunOptions.MaxConsecutivePollFailures"/>.
    /// </summary>
    public int ConsecutiveFailures { get; init; }

    /// <summary>The failure this report is about, when <see cref="ConsecutiveFailures"/> is above 0.</summary>
    public RunComfyException? LastError { get; init; }
}
