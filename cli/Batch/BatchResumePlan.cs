namespace RunComfy.Cli.Batch;

/// <summary>What a (re)run does with one input line, given its last journaled state.</summary>
internal enum BatchLineAction
{
    /// <summary>Never submitted (or cancelled while queued, or refused before anything ran): submit it.</summary>
    Submit,

    /// <summary>Submitted with a known request id: wait for it, never submit it again.</summary>
    Resume,

    /// <summary>Finished earlier: skip it.</summary>
    Skip,

    /// <summary>Its submit may have been accepted without an id coming back: list it, send nothing.</summary>
    ListUnknown,
}

/// <summary>The resume rule, in one place so it can be checked against a journal cut at every byte.</summary>
internal static class BatchResumePlan
{
    public static BatchLineAction Decide(BatchRecord? state, bool resubmitUnknown) => state switch
    {
        null => BatchLineAction.Submit,
        { State: var s } when BatchLineState.IsFinal(s) => BatchLineAction.Skip,
        { State: BatchLineState.Cancelled } => BatchLineAction.Submit,
        { State: BatchLineState.Submitted, RequestId: not null } => BatchLineAction.Resume,
        _ => resubmitUnknown ? BatchLineAction.Submit : BatchLineAction.ListUnknown,
    };
}
