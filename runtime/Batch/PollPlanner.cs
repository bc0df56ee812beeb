using RunComfy.Client.Polling;

namespace RunComfy.Batch;

/// <summary>
/// When to poll each job of a batch next, from what the server said. A queued job is polled about when its turn
/// should come: its position divided by the rate positions have been moving (learned from every job's polls), so a
/// job at position 40 is asked about far less often than one at position 1; until that pace is known, at the minimum. A running job follows
/// <see cref="PollSchedule"/>: a fifth of its elapsed time. Every wait stays between the minimum and maximum.
/// </summary>
internal sealed class PollPlanner(TimeSpan minimum, TimeSpan maximum)
{
    private const double Smoothing = 0.2;
    private readonly object _gate = new();
    private double _positionsPerSecond;

    public TimeSpan Minimum => minimum;

    /// <summary>Positions the queue moves per second, as observed so far (0 before any observation).</summary>
    public double PositionsPerSecond
    {
        get { lock (_gate) return _positionsPerSecond; }
    }

    /// <summary>Learns the queue's pace from one job seen at two positions.</summary>
    public void ObserveQueue(int earlierPosition, TimeSpan earlierAt, int position, TimeSpan at)
    {
        var seconds = (at - earlierAt).TotalSeconds;
        if (position >= earlierPosition || seconds <= 0) return;
        var rate = (earlierPosition - position) / seconds;
        lock (_gate) _positionsPerSecond = _positionsPerSecond == 0 ? rate : (1 - Smoothing) * _positionsPerSecond + Smoothing * rate;
    }

    public TimeSpan Queued(int? position)
    {
        var rate = PositionsPerSecond;
        // Until the pace is known, ask again soon: two sightings of one job teach it to every job.
        return rate > 0 ? Clamp(TimeSpan.FromSeconds(Math.Max(0, position ?? 0) / rate)) : minimum;
    }

    public TimeSpan Running(TimeSpan elapsed) => PollSchedule.Next(elapsed, minimum, maximum, retryAfter: null);

    public TimeSpan AfterFailure(TimeSpan? retryAfter) => Clamp(retryAfter is { } wait && wait > minimum ? wait : minimum);

    private TimeSpan Clamp(TimeSpan delay) => delay < minimum ? minimum : delay > maximum ? maximum : delay;
}
