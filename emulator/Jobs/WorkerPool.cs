namespace RunComfy.Emulator.Jobs;

/// <summary>
/// A queue with limited capacity: jobs wait in FIFO order, a job's queue position is the number of jobs
/// ahead of it, and the head starts when one of the workers frees. Like <see cref="Job"/> it moves on the
/// clock alone: each look first replays every start and finish up to now, so no timer is needed and a
/// <see cref="ManualClock"/> steps it deterministically.
/// </summary>
internal sealed class WorkerPool
{
    private readonly object _gate = new();
    private readonly LinkedList<Job> _waiting = new();
    private readonly PriorityQueue<Job, DateTimeOffset> _running = new();
    private readonly Dictionary<Job, DateTimeOffset> _startedAt = [];
    private readonly HashSet<Job> _cancelled = [];
    private DateTimeOffset _cursor = DateTimeOffset.MinValue;

    public WorkerPool(int workers)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(workers, 1);
        Workers = workers;
    }

    public int Workers { get; }

    /// <summary>Jobs waiting for a worker at <paramref name="now"/>.</summary>
    public int WaitingAt(DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            return _waiting.Count;
        }
    }

    public void Enqueue(Job job, DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            _waiting.AddLast(job);
            Advance(now);
        }
    }

    public JobSnapshot SnapshotOf(Job job, DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            return SnapshotLocked(job, now);
        }
    }

    /// <summary>Cancels a job still waiting (it leaves the queue, so everyone behind it moves up); a started job is left alone.</summary>
    public (CancelOutcome Outcome, JobSnapshot Snapshot) TryCancel(Job job, DateTimeOffset now)
    {
        lock (_gate)
        {
            Advance(now);
            if (_cancelled.Contains(job)) return (CancelOutcome.Cancelled, SnapshotLocked(job, now));
            if (_startedAt.ContainsKey(job)) return (CancelOutcome.NotCancellable, SnapshotLocked(job, now));
            _waiting.Remove(job);
            _cancelled.Add(job);
            job.MarkCancelled(now);
            return (CancelOutcome.Cancelled, SnapshotLocked(job, now));
        }
    }

    private JobSnapshot SnapshotLocked(Job job, DateTimeOffset now)
    {
        if (job.CancelledAt is { } cancelledAt) return new JobSnapshot(JobState.Cancelled, null, cancelledAt);
        if (_startedAt.TryGetValue(job, out var started))
        {
            var finish = started + job.Schedule.RunDuration;
            return now < finish
                ? new JobSnapshot(JobState.InProgress, null, null)
                : new JobSnapshot(job.WillFail ? JobState.Failed : JobState.Completed, null, finish);
        }

        var ahead = 0;
        for (var node = _waiting.First; node is not null && node.Value != job; node = node.Next) ahead++;
        return new JobSnapshot(JobState.InQueue, ahead, null);
    }

    /// <summary>Replays, in time order, every finish that frees a worker and every start that takes one, up to <paramref name="now"/>.</summary>
    private void Advance(DateTimeOffset now)
    {
        while (true)
        {
            // Workers whose job ended by the time the head could start are free again.
            if (_waiting.First is { } head)
            {
                var earliestStart = Max(head.Value.CreatedAt, _cursor);
                while (_running.TryPeek(out _, out var finish) && finish <= earliestStart) _running.Dequeue();
                if (_running.Count < Workers)
                {
                    if (earliestStart > now) return;
                    _waiting.RemoveFirst();
                    _startedAt[head.Value] = earliestStart;
                    _running.Enqueue(head.Value, earliestStart + head.Value.Schedule.RunDuration);
                    _cursor = earliestStart;
                    continue;
                }

                // All busy: the head starts when the first of them finishes.
                var (_, firstFinish) = _running.TryPeek(out var job, out var at) ? (job, at) : throw new InvalidOperationException("No worker is running.");
                if (firstFinish > now) return;
                _running.Dequeue();
                _cursor = Max(_cursor, firstFinish);
                continue;
            }

            while (_running.TryPeek(out _, out var done) && done <= now) _running.Dequeue();
            return;
        }
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;
}
