namespace RunComfy.Cli.Waiting;

/// <summary>How watching a request ended.</summary>
internal enum WatchEnd
{
    /// <summary>The request reached a terminal state; <see cref="WatchOutcome.Result"/> holds it.</summary>
    Finished,

    /// <summary>Ctrl-C: a queued request was asked to cancel (see <see cref="WatchOutcome.CancelOutcome"/>), a running one runs on.</summary>
    Interrupted,

    /// <summary>The wait timed out; the request runs on.</summary>
    TimedOut,
}

/// <summary>The end of watching one request.</summary>
internal sealed record WatchOutcome(
    WatchEnd End,
    RunComfyRequestState LastState,
    RequestResult? Result = null,
    CancelOutcome? CancelOutcome = null,
    string? CancelError = null)
{
    /// <summary>How long this process watched.</summary>
    public TimeSpan Elapsed { get; init; }
}
