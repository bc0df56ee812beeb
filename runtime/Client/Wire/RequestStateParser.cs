namespace RunComfy.Client.Wire;

/// <summary>Maps a wire status string to a state, accepting every spelling in WIRE.md.</summary>
internal static class RequestStateParser
{
    public static RunComfyRequestState Parse(string? status) =>
        status?.Trim().ToLowerInvariant() switch
        {
            "in_queue" => RunComfyRequestState.InQueue,
            "in_progress" or "pending" or "waiting" or "starting" or "processing" => RunComfyRequestState.InProgress,
            "completed" or "succeeded" => RunComfyRequestState.Completed,
            "cancelled" or "canceled" => RunComfyRequestState.Cancelled,
            "failed" => RunComfyRequestState.Failed,
            _ => RunComfyRequestState.Unknown,
        };
}
