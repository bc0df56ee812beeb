namespace RunComfy;

/// <summary>
/// Where a request is in its lifecycle. The wire aliases are folded in: <c>succeeded</c> is
/// <see cref="Completed"/>, <c>canceled</c> is <see cref="Cancelled"/>, and <c>pending</c>,
/// <c>waiting</c>, <c>starting</c>, <c>processing</c> are <see cref="InProgress"/>.
/// </summary>
public enum RunComfyRequestState
{
    /// <summary>The status string was not one this client knows; the raw string is kept alongside.</summary>
    Unknown = 0,

    /// <summary><c>in_queue</c>: waiting for a worker; the only state in which a request can be cancelled.</summary>
    InQueue,

    /// <summary><c>in_progress</c> (or <c>pending</c>, <c>waiting</c>, <c>starting</c>, <c>processing</c>): running.</summary>
    InProgress,

    /// <summary><c>completed</c> (or <c>succeeded</c>): finished; the result holds the output.</summary>
    Completed,

    /// <summary><c>cancelled</c> (or <c>canceled</c>): cancelled while queued.</summary>
    Cancelled,

    /// <summary><c>failed</c>: finished without output; the result holds the error.</summary>
    Failed,
}
