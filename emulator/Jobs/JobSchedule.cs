namespace RunComfy.Emulator.Jobs;

/// <summary>The timings a job was accepted with; later option changes do not move running jobs.</summary>
internal readonly record struct JobSchedule(int InitialQueuePosition, TimeSpan QueueStep, TimeSpan RunDuration)
{
    public TimeSpan QueueTime => QueueStep * Math.Max(0, InitialQueuePosition);

    public TimeSpan TotalTime => QueueTime + RunDuration;
}
