namespace RunComfy;

/// <summary>
/// A submit may have reached RunComfy, but no usable answer came back (a timeout, a connection lost mid-way,
/// a 5xx, an unreadable answer). The job may exist, run and be billed. The client did not send it again,
/// because the API has no idempotency key and a second submit could run and bill twice.
/// </summary>
/// <remarks>
/// What to do: check the requests on your RunComfy account before submitting the same input again.
/// When a request id could be read despite the failure it is in <see cref="RunComfyException.RequestId"/>.
/// </remarks>
public sealed class SubmitOutcomeUnknownException : RunComfyException
{
    /// <summary>Creates the exception (for tests and mocks; the client builds its own).</summary>
    /// <param name="modelId">The model the submit was for.</param>
    /// <param name="reason">Why the outcome is unknown.</param>
    /// <param name="status">The HTTP status, when an answer was received.</param>
    /// <param name="errorCode">The RunComfy <c>error_code</c>, when the answer had one.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SubmitOutcomeUnknownException(string modelId, string reason, int? status = null, string? errorCode = null, Exception? innerException = null)
        : base(
            $"The submit to '{modelId}' may have reached RunComfy, but no usable answer came back ({reason}). "
            + "The job may exist and be billed; it was NOT sent again, because a second submit could run and bill twice. "
            + "Check the requests on your RunComfy account before submitting the same input again.",
            status,
            errorCode,
            innerException)
    {
        ModelId = modelId;
        Reason = reason;
    }

    /// <summary>The model the submit was for.</summary>
    public string ModelId { get; }

    /// <summary>Why the outcome is unknown, e.g. "the connection was lost after the request was sent".</summary>
    public string Reason { get; }

    /// <summary>When the submit was started (by the client's clock).</summary>
    public DateTimeOffset? SubmittedAt { get; init; }
}
