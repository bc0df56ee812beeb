namespace RunComfy.Emulator.Jobs;

/// <summary>What a cancel request did.</summary>
internal enum CancelOutcome
{
    Cancelled,
    NotCancellable,
}
