using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunComfy.Emulator.Hosting;
using RunComfy.Emulator.Jobs;

namespace RunComfy.Emulator.Endpoints;

/// <summary><c>POST /v1/requests/{request_id}/cancel</c>: only a queued job is cancelled; a running one runs on.</summary>
internal sealed class CancelEndpoint(EmulatorState state)
{
    public ApiResponse Handle(HttpContext context, string requestId)
    {
        if (JobAccess.Find(state, context.Request, requestId, out var refusal) is not { } job) return refusal!;
        var wasCancelled = job.SnapshotAt(state.Now).State == JobState.Cancelled;
        var (outcome, snapshot) = job.TryCancel(state.Now);
        if (outcome == CancelOutcome.Cancelled && !wasCancelled) state.Stats.CountCancelled();

        var outcomeName = outcome == CancelOutcome.NotCancellable ? "not_cancellable"
            : state.Options.Wire.CancelAnswersCancellationRequested ? "cancellation_requested"
            : "cancelled";
        return new ApiResponse(200, new JsonObject
        {
            ["request_id"] = job.Id,
            ["status"] = state.StatusName(snapshot.State),
            ["outcome"] = outcomeName,
        });
    }
}
