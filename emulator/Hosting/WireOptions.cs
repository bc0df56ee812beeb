namespace RunComfy.Emulator;

/// <summary>
/// Selects among the answer forms WIRE.md lists. Defaults are the documented or official-client form;
/// the others let a client prove it accepts every variant.
/// </summary>
public sealed class WireOptions
{
    /// <summary>HTTP status of an accepted submit: 200 (official client) or 202 (official mock).</summary>
    public int SubmitStatusCode { get; set; } = 200;

    /// <summary>Adds <c>"status": "in_queue"</c> to the submit answer, as a mock does.</summary>
    public bool IncludeStatusInSubmitAnswer { get; set; }

    /// <summary>The key of the message in error bodies: <c>error_message</c> (default) or <c>message</c>.</summary>
    public string ErrorMessageField { get; set; } = "error_message";

    /// <summary>Status string of a queued job (e.g. <c>pending</c>, <c>waiting</c>).</summary>
    public string InQueueStatus { get; set; } = "in_queue";

    /// <summary>Status string of a running job (e.g. <c>starting</c>, <c>processing</c>).</summary>
    public string InProgressStatus { get; set; } = "in_progress";

    /// <summary>Status string of a finished job (e.g. <c>succeeded</c>).</summary>
    public string CompletedStatus { get; set; } = "completed";

    /// <summary>Status string of a cancelled job (e.g. <c>canceled</c>).</summary>
    public string CancelledStatus { get; set; } = "cancelled";

    /// <summary>Status string of a failed job.</summary>
    public string FailedStatus { get; set; } = "failed";

    /// <summary>Cancel of a queued job answers outcome <c>cancellation_requested</c> (mock) instead of <c>cancelled</c>.</summary>
    public bool CancelAnswersCancellationRequested { get; set; }

    /// <summary>Adds <c>"model_id"</c> to result answers.</summary>
    public bool IncludeModelIdInResult { get; set; }

    /// <summary>How image outputs are written: <c>image</c> for one and <c>images</c> for more (default), or always one form, or both.</summary>
    public ImageOutputForm ImageOutputForm { get; set; } = ImageOutputForm.Auto;

    /// <summary>HTTP status of a missing, wrong or revoked token (body code 400004): 401 by default, 400 or 403 also seen.</summary>
    public int AuthFailureStatusCode { get; set; } = 401;

    /// <summary>HTTP status of an input validation failure: 422 (default) or 400.</summary>
    public int ValidationStatusCode { get; set; } = 422;

    /// <summary><c>error_code</c> of a validation failure body; none by default (the body carries a <c>detail</c> array).</summary>
    public int? ValidationErrorCode { get; set; }

    /// <summary>HTTP status of the no-balance answer (body code 400002): 400 by default, 402 also seen.</summary>
    public int NoBalanceStatusCode { get; set; } = 400;
}
