namespace RunComfy.Client.Polling;

/// <summary>The token of one run or wait: the caller's token plus the whole-run timeout, telling the two apart afterwards.</summary>
internal sealed class RunScope : IDisposable
{
    private readonly CancellationTokenSource? _timeout;
    private readonly CancellationTokenSource _linked;
    private readonly CancellationToken _caller;
    private readonly TimeProvider _time;
    private readonly long _started;
    private readonly TimeSpan? _limit;

    public RunScope(TimeSpan? timeout, TimeProvider time, CancellationToken caller)
    {
        _caller = caller;
        _time = time;
        _started = time.GetTimestamp();
        _limit = timeout is { } limit && limit != Timeout.InfiniteTimeSpan ? limit : null;
        _timeout = timeout is { } t && t != Timeout.InfiniteTimeSpan ? new CancellationTokenSource(t, time) : null;
        _linked = _timeout is null
            ? CancellationTokenSource.CreateLinkedTokenSource(caller)
            : CancellationTokenSource.CreateLinkedTokenSource(caller, _timeout.Token);
    }

    public CancellationToken Token => _linked.Token;

    /// <summary>The time left before the run's timeout; null when it has none.</summary>
    public TimeSpan? Remaining => _limit is { } limit ? limit - _time.GetElapsedTime(_started) : null;

    /// <summary>The timeout fired and the caller did not cancel (a caller's cancel wins when both happen).</summary>
    public bool TimedOut => _timeout?.IsCancellationRequested == true && !_caller.IsCancellationRequested;

    /// <summary>
    /// Ends the run as timed out now, as its timer would: a poll wait that reaches the run's end ends the run
    /// itself, so no poll is ever sent at the deadline while the timer (a separate timer, on either clock) has
    /// yet to fire. Nothing happens when there is no timeout or the caller cancelled first.
    /// </summary>
    public void Expire()
    {
        if (_timeout is { IsCancellationRequested: false } timeout && !_caller.IsCancellationRequested)
        {
            timeout.Cancel();
        }
    }

    public void Dispose()
    {
        _linked.Dispose();
        _timeout?.Dispose();
    }
}
