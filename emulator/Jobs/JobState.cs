namespace RunComfy.Emulator.Jobs;

/// <summary>Where a job is in its life; the wire string comes from <see cref="WireOptions"/>.</summary>
internal enum JobState
{
    InQueue,
    InProgress,
    Completed,
    Cancelled,
    Failed,
}
