namespace RunComfy;

/// <summary>How one item of a batch ended.</summary>
public enum BatchItemOutcome
{
    /// <summary>The job completed; <see cref="BatchItemResult.Result"/> holds its output.</summary>
    Completed,

    /// <summary>The job ended <c>failed</c> or <c>cancelled</c> on the server; <see cref="BatchItemResult.Result"/> says why.</summary>
    JobFailed,

    /// <summary>Nothing was created: the request broke its schema, or the API refused the submit outright.</summary>
    Rejected,

    /// <summary>The submit may have reached the server but no request id came back. It was not sent again: check your account before resubmitting.</summary>
    SubmitOutcomeUnknown,

    /// <summary>The job exists (see <see cref="BatchItemResult.RequestId"/>) but following it failed; it may still run: resume with <see cref="RunComfyClient.WaitAsync"/>.</summary>
    WaitFailed,
}
