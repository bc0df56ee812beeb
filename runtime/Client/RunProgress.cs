namespace RunComfy;

/// <summary>A progress report of <see cref="RunComfyClient.RunAsync"/> or <see cref="RunComfyClient.WaitAsync"/>, sent after the submit, after every status answer and after every failed poll.</summary>
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

    /// <summary>Time since the run (or the wait) started.</summary>
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
