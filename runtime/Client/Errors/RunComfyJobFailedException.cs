namespace RunComfy;

/// <summary>
/// A request waited on by <see cref="RunComfyClient.RunAsync"/> or <see cref="RunComfyClient.WaitAsync"/>
/// ended without output: it failed, or it was cancelled (by another caller or process).
/// </summary>
public sealed class RunComfyJobFailedException : RunComfyException
{
    /// <summary>Creates the exception from the final result.</summary>
    public RunComfyJobFailedException(RequestResult result)
        : base(FormatMessage(result ?? throw new ArgumentNullException(nameof(result))), errorCode: result.Error?.Code)
    {
        Result = result;
        RequestId = result.RequestId;
        ServerMessage = result.Error?.Message;
    }

    /// <summary>The final result, with <see cref="RequestResult.Error"/> when the API gave one.</summary>
    public RequestResult Result { get; }

    /// <summary>The final state: <see cref="RunComfyRequestState.Failed"/> or <see cref="RunComfyRequestState.Cancelled"/>.</summary>
    public RunComfyRequestState State => Result.State;

    private static string FormatMessage(RequestResult result) =>
        result.State == RunComfyRequestState.Cancelled
            ? $"Request '{result.RequestId}' was cancelled before it ran."
            : $"Request '{result.RequestId}' failed: {RunComfy.Client.Wire.ServerText.ForMessage(result.Error?.Message, null) ?? "the API gave no reason"}.";
}
