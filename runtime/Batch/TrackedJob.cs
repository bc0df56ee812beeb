namespace RunComfy.Batch;

/// <summary>One job the scheduler follows: what it knows of it and when to ask next. Touched by one poll at a time.</summary>
internal sealed class TrackedJob(long index, string? modelId, string requestId, TimeSpan submittedAt)
{
    public long Index { get; } = index;

    public string? ModelId { get; } = modelId;

    public string RequestId { get; } = requestId;

    /// <summary>When it was submitted (or resumed), on the batch's clock.</summary>
    public TimeSpan SubmittedAt { get; } = submittedAt;

    /// <summary>True when this batch submitted the job (rather than resumed an id): its queue and run time count from <see cref="SubmittedAt"/>.</summary>
    public bool SubmittedHere { get; init; }

    /// <summary>The job's queue time has been recorded (once, when a status first showed it out of the queue).</summary>
    public bool QueueTimeRecorded { get; set; }

    /// <summary>Null until the first status was read.</summary>
    public BatchItemPhase? Phase { get; set; }

    public int? QueuePosition { get; set; }

    public TimeSpan QueuePositionAt { get; set; }

    public int FailuresInARow { get; set; }

    public int UnknownInARow { get; set; }

    /// <summary>The status said it finished: the next call reads the result.</summary>
    public bool ReadResult { get; set; }

    /// <summary>Could still be queued on the server, so an aborted batch cancels it.</summary>
    public bool MayBeQueued => Phase is null or BatchItemPhase.Queued;
}
