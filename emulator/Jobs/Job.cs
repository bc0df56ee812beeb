using RunComfy.Emulator.Models;

namespace RunComfy.Emulator.Jobs;

/// <summary>
/// One submitted request. Its state follows from the clock (queued, then running, then finished), so no
/// timer is needed and a <see cref="ManualClock"/> steps it deterministically; only cancellation is stored.
/// </summary>
internal sealed class Job
{
    private readonly object _gate = new();
    private DateTimeOffset? _cancelledAt;
    private IReadOnlyList<string>? _outputPaths;

    public Job(string id, EmulatedModel model, string owner, DateTimeOffset createdAt, JobSchedule schedule, bool willFail, WorkerPool? workers = null)
    {
        Workers = workers;
        Id = id;
        Model = model;
        Owner = owner;
        CreatedAt = createdAt;
        Schedule = schedule;
        WillFail = willFail;
    }

    public string Id { get; }

    public EmulatedModel Model { get; }

    /// <summary>The token that submitted the job; only it may see or cancel it.</summary>
    public string Owner { get; }

    public DateTimeOffset CreatedAt { get; }

    public JobSchedule Schedule { get; }

    /// <summary>The job ends <c>failed</c> instead of <c>completed</c> (a <see cref="FaultKind.JobFailure"/>).</summary>
    public bool WillFail { get; }

    /// <summary>The queue with limited capacity this job waits in; null when it follows its own <see cref="Schedule"/>.</summary>
    public WorkerPool? Workers { get; }

    /// <summary>When the job was cancelled, if it was.</summary>
    public DateTimeOffset? CancelledAt
    {
        get { lock (_gate) return _cancelledAt; }
    }

    public JobSnapshot SnapshotAt(DateTimeOffset now)
    {
        if (Workers is { } workers) return workers.SnapshotOf(this, now);
        lock (_gate) return SnapshotLocked(now);
    }

    /// <summary>Cancels the job if it is still queued; a running or finished job is left alone.</summary>
    public (CancelOutcome Outcome, JobSnapshot Snapshot) TryCancel(DateTimeOffset now)
    {
        if (Workers is { } workers) return workers.TryCancel(this, now);
        lock (_gate)
        {
            var snapshot = SnapshotLocked(now);
            if (snapshot.State == JobState.InQueue)
            {
                _cancelledAt = now;
                return (CancelOutcome.Cancelled, SnapshotLocked(now));
            }
            var outcome = snapshot.State == JobState.Cancelled ? CancelOutcome.Cancelled : CancelOutcome.NotCancellable;
            return (outcome, snapshot);
        }
    }

    /// <summary>Records the cancellation decided by <see cref="Workers"/>.</summary>
    internal void MarkCancelled(DateTimeOffset now)
    {
        lock (_gate) _cancelledAt ??= now;
    }

    /// <summary>The served paths of this job's outputs, created once on first call.</summary>
    public IReadOnlyList<string> GetOrCreateOutputs(Func<Job, IReadOnlyList<string>> create)
    {
        lock (_gate) return _outputPaths ??= create(this);
    }

    private JobSnapshot SnapshotLocked(DateTimeOffset now)
    {
        if (_cancelledAt is { } cancelledAt) return new JobSnapshot(JobState.Cancelled, null, cancelledAt);

        var elapsed = now - CreatedAt;
        if (elapsed < Schedule.QueueTime)
        {
            var stepsTaken = (int)(elapsed.Ticks / Schedule.QueueStep.Ticks);
            return new JobSnapshot(JobState.InQueue, Schedule.InitialQueuePosition - stepsTaken, null);
        }
        if (elapsed < Schedule.TotalTime) return new JobSnapshot(JobState.InProgress, null, null);
        return new JobSnapshot(WillFail ? JobState.Failed : JobState.Completed, null, CreatedAt + Schedule.TotalTime);
    }
}
