namespace RunComfy.Emulator;

/// <summary>
/// Whether a fault hits before the emulator does the work (on submit: no job is created, so resending is
/// safe) or after (on submit: the job exists and will run and bill, only the answer is lost).
/// </summary>
public enum FaultTiming
{
    /// <summary>The kind's natural timing: before for 429, 503, no balance and 200-with-error; after for the rest.</summary>
    Default,

    /// <summary>The request is refused; nothing is done.</summary>
    BeforeAccept,

    /// <summary>The work is done (a job is created, a cancel happens), then the answer is faulted.</summary>
    AfterAccept,
}
