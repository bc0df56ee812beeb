namespace RunComfy;

/// <summary>Helpers for <see cref="RunComfyRequestState"/>.</summary>
public static class RunComfyRequestStateExtensions
{
    /// <summary>True for the states a request never leaves: completed, cancelled, failed.</summary>
    public static bool IsTerminal(this RunComfyRequestState state) =>
        state is RunComfyRequestState.Completed or RunComfyRequestState.Cancelled or RunComfyRequestState.Failed;
}
