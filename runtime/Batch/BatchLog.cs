using Microsoft.Extensions.Logging;

namespace RunComfy.Batch;

/// <summary>The batch scheduler's log lines: indexes, ids, counts and (already redacted) reasons; never a token or a body.</summary>
internal static partial class BatchLog
{
    [LoggerMessage(101, LogLevel.Warning, "Batch item {Index} ({RequestId}): poll failed ({Failures} in a row): {Reason}")]
    public static partial void PollFailed(ILogger logger, long index, string requestId, int failures, string reason);

    [LoggerMessage(102, LogLevel.Warning, "Batch item {Index} ({RequestId}): the after-submit callback failed; the job is still followed: {Reason}")]
    public static partial void HookFailed(ILogger logger, long index, string requestId, string reason);

    [LoggerMessage(103, LogLevel.Warning, "Batch item {Index} ({RequestId}): the cancel sent on the way out failed: {Reason}")]
    public static partial void CancelFailed(ILogger logger, long index, string requestId, string reason);

    [LoggerMessage(104, LogLevel.Error, "Batch operation broke off with {Type}: {Reason}")]
    public static partial void OperationFailed(ILogger logger, string type, string reason);

    [LoggerMessage(105, LogLevel.Warning, "Batch item {Index}: the progress callback threw: {Reason}")]
    public static partial void ProgressFailed(ILogger logger, long index, string reason);
}
