using Microsoft.Extensions.Logging;

namespace RunComfy.Client;

/// <summary>
/// Every log line of the client. Only ids, states, counts and reasons: never the token, never a body
/// (prompts and media URLs are the user's data).
/// </summary>
internal static partial class ClientLog
{
    [LoggerMessage(1, LogLevel.Debug, "Submitting a request to {ModelId}")]
    public static partial void Submitting(ILogger logger, string modelId);

    [LoggerMessage(2, LogLevel.Information, "Submitted request {RequestId} to {ModelId}")]
    public static partial void Submitted(ILogger logger, string requestId, string modelId);

    [LoggerMessage(3, LogLevel.Warning, "Retrying {Operation} {RequestId} (retry {Retry}) in {DelayMs} ms after: {Reason}")]
    public static partial void Retrying(ILogger logger, string operation, string? requestId, int retry, double delayMs, string reason);

    [LoggerMessage(4, LogLevel.Debug, "Request {RequestId} is {State} ({RawStatus}), queue position {QueuePosition}")]
    public static partial void StateRead(ILogger logger, string requestId, RunComfyRequestState state, string? rawStatus, int? queuePosition);

    [LoggerMessage(5, LogLevel.Error, "The submit to {ModelId} may have created a request that cannot be tracked: {Reason}; it was not sent again")]
    public static partial void SubmitOutcomeUnknown(ILogger logger, string modelId, string reason);

    [LoggerMessage(6, LogLevel.Information, "Cancel of request {RequestId}: {Outcome}")]
    public static partial void Cancelled(ILogger logger, string requestId, CancelOutcome outcome);

    [LoggerMessage(7, LogLevel.Warning, "Request {RequestId} reported an unknown status {RawStatus} ({Count} in a row)")]
    public static partial void UnknownStatus(ILogger logger, string requestId, string? rawStatus, int count);

    [LoggerMessage(8, LogLevel.Warning, "Polling request {RequestId} failed ({Failures} in a row, giving up at {Limit}): {Reason}")]
    public static partial void PollFailed(ILogger logger, string requestId, int failures, int limit, string reason);

    [LoggerMessage(9, LogLevel.Warning, "Stopped waiting for request {RequestId} ({Why}); last state {State}")]
    public static partial void WaitAborted(ILogger logger, string? requestId, string why, RunComfyRequestState? state);

    [LoggerMessage(10, LogLevel.Warning, "The cancel of request {RequestId} on the way out got no answer: {Reason}")]
    public static partial void CancelOnAbortFailed(ILogger logger, string requestId, string reason);

    [LoggerMessage(11, LogLevel.Warning, "The submit answer to {ModelId} was not valid JSON, but request id {RequestId} could be read from it")]
    public static partial void SubmitAnswerSalvaged(ILogger logger, string modelId, string requestId);

    [LoggerMessage(12, LogLevel.Information, "Request {RequestId} ended {State}")]
    public static partial void Finished(ILogger logger, string requestId, RunComfyRequestState state);

    [LoggerMessage(13, LogLevel.Warning, "A progress callback for request {RequestId} threw; ignored: {Reason}")]
    public static partial void ProgressFailed(ILogger logger, string requestId, string reason);

    [LoggerMessage(14, LogLevel.Error, "Gave up waiting for request {RequestId} after {Failures} failed polls in a row; it may still be running")]
    public static partial void PollingGaveUp(ILogger logger, string requestId, int failures);

    [LoggerMessage(15, LogLevel.Error, "Waiting for request {RequestId} was broken off by {ExceptionType}; it may still be running")]
    public static partial void WaitInterrupted(ILogger logger, Exception exception, string requestId, string exceptionType);

    [LoggerMessage(16, LogLevel.Warning, "Not retrying {Operation} {RequestId}: the server asks to wait {WaitMs} ms more, past the {TotalMs} ms a call may wait on Retry-After (Retry.MaxTotalRetryAfter)")]
    public static partial void RetryAfterBudgetSpent(ILogger logger, string operation, string? requestId, double waitMs, double totalMs);
}
