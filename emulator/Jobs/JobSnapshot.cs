namespace RunComfy.Emulator.Jobs;

/// <summary>A job's state at one instant.</summary>
/// <param name="State">The state.</param>
/// <param name="QueuePosition">The queue position while <see cref="JobState.InQueue"/>, else null.</param>
/// <param name="FinishedAt">When the job reached a final state, else null.</param>
internal readonly record struct JobSnapshot(JobState State, int? QueuePosition, DateTimeOffset? FinishedAt)
{
    public bool IsFinal => State is JobState.Completed or JobState.Cancelled or JobState.Failed;
}
