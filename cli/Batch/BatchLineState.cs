namespace RunComfy.Cli.Batch;

/// <summary>The journal states of one input line; the strings are what the journal and results file hold.</summary>
internal static class BatchLineState
{
    /// <summary>Written and flushed to disk before the submit is sent: a line left so may have been accepted.</summary>
    public const string Submitting = "submitting";

    /// <summary>The submit was answered with a request id: a rerun waits for it, never submits it again.</summary>
    public const string Submitted = "submitted";

    /// <summary>Final: the job completed (outputs recorded, and downloaded when asked).</summary>
    public const string Completed = "completed";

    /// <summary>Final: the job ended failed or cancelled on the server.</summary>
    public const string Failed = "failed";

    /// <summary>Final: nothing was created (invalid, or refused outright by the API).</summary>
    public const string Rejected = "rejected";

    /// <summary>Cancelled while still queued when the batch was interrupted: nothing ran or is billed, so a rerun submits it again.</summary>
    public const string Cancelled = "cancelled";

    /// <summary>The submit may have been accepted but no id came back: never resubmitted without <c>--resubmit-unknown</c>.</summary>
    public const string OutcomeUnknown = "outcome_unknown";

    public static bool IsFinal(string state) => state is Completed or Failed or Rejected;
}
