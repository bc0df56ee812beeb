using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunComfy.Emulator.Hosting;
using RunComfy.Emulator.Jobs;
using RunComfy.Emulator.Models;

namespace RunComfy.Emulator.Endpoints;

/// <summary>
/// <c>GET /v1/requests/{request_id}/result</c>: outputs and times of a finished job; before that, the current
/// state (documented) or HTTP 400 with 400005 (official mock), as configured. <c>?include_cost=true</c> adds <c>cost</c>.
/// </summary>
internal sealed class ResultEndpoint(EmulatorState state)
{
    public ApiResponse Handle(HttpContext context, string requestId)
    {
        var request = context.Request;
        if (JobAccess.Find(state, request, requestId, out var refusal) is not { } job) return refusal!;
        var snapshot = job.SnapshotAt(state.Now);

        if (!snapshot.IsFinal)
        {
            if (state.Options.ResultBeforeCompletionAs400005)
                return state.Errors.Error(400, ErrorCodes.ResultNotReady, $"Request '{job.Id}' is not completed yet ({state.StatusName(snapshot.State)}).");
            var pending = StatusEndpoint.Body(state, request, job, snapshot);
            pending["created_at"] = Timestamp(job.CreatedAt);
            return new ApiResponse(200, pending);
        }

        var body = new JsonObject
        {
            ["request_id"] = job.Id,
            ["status"] = state.StatusName(snapshot.State),
        };
        if (state.Options.Wire.IncludeModelIdInResult) body["model_id"] = job.Model.Id;

        var outputCount = 0;
        if (snapshot.State == JobState.Completed)
        {
            var paths = job.GetOrCreateOutputs(state.Outputs.Create);
            outputCount = paths.Count;
            var origin = RequestAddress.Origin(request);
            body["output"] = Output(job.Model.Kind, paths.Select(p => origin + p).ToArray());
        }
        else if (snapshot.State == JobState.Failed)
        {
            body["error"] = new JsonObject
            {
                ["error_code"] = 500001,
                [state.Options.Wire.ErrorMessageField] = "The job failed while running (emulated failure).",
            };
        }
        body["created_at"] = Timestamp(job.CreatedAt);
        if (snapshot.FinishedAt is { } finishedAt) body["finished_at"] = Timestamp(finishedAt);

        if (IncludeCost(request))
            body["cost"] = snapshot.State == JobState.Completed ? state.Options.PricePerOutputUsd * outputCount : 0m;
        return new ApiResponse(200, body);
    }

    private JsonObject Output(ModelKind kind, string[] urls)
    {
        switch (kind)
        {
            case ModelKind.Video:
                return new JsonObject { ["video"] = urls[0] };
            case ModelKind.Audio:
                return new JsonObject { ["audio"] = urls[0] };
        }
        var form = state.Options.Wire.ImageOutputForm;
        var output = new JsonObject();
        var single = form is ImageOutputForm.Image or ImageOutputForm.Both || (form == ImageOutputForm.Auto && urls.Length == 1);
        var list = form is ImageOutputForm.Images or ImageOutputForm.Both || (form == ImageOutputForm.Auto && urls.Length > 1);
        if (single) output["image"] = urls[0];
        if (list) output["images"] = new JsonArray(urls.Select(u => (JsonNode?)JsonValue.Create(u)).ToArray());
        return output;
    }

    private static bool IncludeCost(HttpRequest request) =>
        request.Query.TryGetValue("include_cost", out var value) && string.Equals(value.ToString(), "true", StringComparison.OrdinalIgnoreCase);

    private static string Timestamp(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
