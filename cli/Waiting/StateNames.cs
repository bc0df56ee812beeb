using RunComfy.Cli.Rendering;
using RunComfy.Client.Wire;

namespace RunComfy.Cli.Waiting;

/// <summary>The wire names of request states, used in output and in the journal.</summary>
internal static class StateNames
{
    public static string Of(RunComfyRequestState state, string? raw = null) => state switch
    {
        RunComfyRequestState.InQueue => "in_queue",
        RunComfyRequestState.InProgress => "in_progress",
        RunComfyRequestState.Completed => "completed",
        RunComfyRequestState.Cancelled => "cancelled",
        RunComfyRequestState.Failed => "failed",
        // A status this CLI does not know is shown and journaled as "unknown: <as sent>", cleaned of controls and
        // cut, so that no server string can pass for a known state once its escape sequences are gone.
        _ => Printable.Line(raw).Trim() is { Length: > 0 } shown ? "unknown: " + ServerText.Cut(shown, 64) : "unknown",
    };

    public static string Of(CancelOutcome outcome) => outcome switch
    {
        CancelOutcome.Cancelled => "cancelled",
        CancelOutcome.NotCancellable => "not_cancellable",
        CancelOutcome.CancellationRequested => "cancellation_requested",
        _ => "unknown",
    };
}
