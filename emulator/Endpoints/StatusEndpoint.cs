using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunComfy.Emulator.Hosting;
using RunComfy.Emulator.Jobs;

namespace RunComfy.Emulator.Endpoints;

/// <summary><c>GET /v1/requests/{request_id}/status</c>; <c>queue_position</c> only while queued.</summary>
internal sealed class StatusEndpoint(EmulatorState state)
{
    public ApiResponse Handle(HttpContext context, string requestId)
    {
        if (JobAccess.Find(state, context.Request, requestId, out var refusal) is not { } job) return refusal!;
        return new ApiResponse(200, Body(state, context.Request, job, job.SnapshotAt(state.Now)));
    }

    public static JsonObject Body(EmulatorState state, HttpRequest request, Job job, JobSnapshot snapshot)
    {
        var body = new JsonObject
        {
            ["request_id"] = job.Id,
            ["status"] = state.StatusName(snapshot.State),
        };
        if (snapshot.QueuePosition is { } position) body["queue_position"] = position;
        body["status_url"] = RequestAddress.StatusUrl(request, job.Id);
        body["result_url"] = RequestAddress.ResultUrl(request, job.Id);
        return body;
    }
}
