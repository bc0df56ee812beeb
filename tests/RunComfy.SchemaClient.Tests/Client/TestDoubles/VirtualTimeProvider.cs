namespace RunComfy.SchemaClient.Tests.Client.TestDoubles;

/// <summary>
/// A clock that moves only when the code under test waits. Starting a delay (<c>Task.Delay</c> on this
/// provider, as the client's polls and Polly's retries do) moves the clock to that delay's end at once,
/// firing every timer due by then in order. Timeouts (the timer of a <see cref="CancellationTokenSource"/>)
/// never move the clock themselves: they fire when delays, or <see cref="Advance"/>, carry it past them.
/// So a test of a 30-minute timeout with 5-second polls runs in milliseconds, in a fixed order.
/// One looseness, as with real timers: a delay whose token is cancelled in the same advance may end
/// normally instead of being cancelled (its cancellation is registered just after its timer); the code
/// under test then meets the cancelled token at its next step, so outcomes do not change.
/// </summary>
public sealed class VirtualTimeProvider : TimeProvider
{
    private readonly object _gate = new();
    private readonly List<VirtualTimer> _timers = [];
    private readonly List<TimeSpan> _delays = [];
    private readonly List<(TimeSpan DueTime, TaskCompletionSource Started)> _timeoutWaiters = [];
    private long _now;

    public static DateTimeOffset Epoch { get; } = new(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// When a timeout and a delay fall due at the same instant, the delay fires first. Real timers give no order
    /// between two timers due together (their callbacks race on the thread pool); this makes the unlucky order certain.
    /// </summary>
    public bool TimeoutsFireLast { get; init; }

    /// <summary>Every delay the code under test started, in order.</summary>
    public IReadOnlyList<TimeSpan> Delays
    {
        get { lock (_gate) return [.. _delays]; }
    }

    /// <summary>Virtual time since the start.</summary>
    public TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _now));

    public override DateTimeOffset GetUtcNow() => Epoch + Elapsed;

    public override long GetTimestamp() => Interlocked.Read(ref _now);

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    /// <summary>
    /// Completes once the code under test has started a timeout (the timer of a <see cref="CancellationTokenSource"/>)
    /// of exactly <paramref name="dueTime"/>, so a test can <see cref="Advance"/> past it knowing it exists, instead of
    /// guessing with real sleeps how long the code takes to get there. Ask before the code runs.
    /// </summary>
    public Task WhenTimeoutStarted(TimeSpan dueTime)
    {
        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_gate)
        {
            _timeoutWaiters.Add((dueTime, started));
        }

        return started.Task;
    }

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new VirtualTimer(this, callback, state);
        timer.Change(dueTime, period);
        if (state is CancellationTokenSource)
        {
            List<TaskCompletionSource> started;
            lock (_gate)
            {
                started = [.. _timeoutWaiters.Where(w => w.DueTime == dueTime).Select(w => w.Started)];
                _timeoutWaiters.RemoveAll(w => w.DueTime == dueTime);
            }

            started.ForEach(s => s.TrySetResult());
        }

        if (state is not CancellationTokenSource && dueTime != Timeout.InfiniteTimeSpan)
        {
            lock (_gate)
            {
                _delays.Add(dueTime);
            }

            // After the caller has stored the timer and started awaiting it.
            ThreadPool.UnsafeQueueUserWorkItem(_ => RunUntil(timer), null);
        }

        return timer;
    }

    /// <summary>Moves the clock forward by hand, firing what falls due.</summary>
    public void Advance(TimeSpan by)
    {
        long target;
        lock (_gate)
        {
            target = _now + by.Ticks;
        }

        FireUntil(target);
    }

    private void RunUntil(VirtualTimer delay)
    {
        long target;
        lock (_gate)
        {
            if (!_timers.Contains(delay))
            {
                return; // cancelled or disposed meanwhile: it no longer moves time
            }

            target = delay.Due;
        }

        FireUntil(target);
    }

    private void FireUntil(long target)
    {
        while (true)
        {
            VirtualTimer? next = null;
            lock (_gate)
            {
                foreach (var timer in _timers)
                {
                    if (timer.Due <= target && (next is null || timer.Due < next.Due || (timer.Due == next.Due && TimeoutsFireLast && next.IsTimeout && !timer.IsTimeout)))
                    {
                        next = timer;
                    }
                }

                if (next is null)
                {
                    if (_now < target)
                    {
                        Interlocked.Exchange(ref _now, target);
                    }

                    return;
                }

                if (_now < next.Due)
                {
                    Interlocked.Exchange(ref _now, next.Due);
                }

                if (next.Period > 0)
                {
                    next.Due += next.Period;
                }
                else
                {
                    _timers.Remove(next);
                }
            }

            next.Invoke();
        }
    }

    private sealed class VirtualTimer(VirtualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public long Due { get; set; }

        /// <summary>The timer of a <see cref="CancellationTokenSource"/> (a timeout), not of a delay.</summary>
        public bool IsTimeout { get; } = state is CancellationTokenSource;

        public long Period { get; private set; }

        public void Invoke() => callback(state);

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                if (dueTime == Timeout.InfiniteTimeSpan)
                {
                    return true;
                }

                Due = owner._now + dueTime.Ticks;
                Period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? 0 : period.Ticks;
                owner._timers.Add(this);
                return true;
            }
        }

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}
