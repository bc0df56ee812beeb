using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using RunComfy.Emulator.Hosting;

namespace RunComfy.Emulator.Endpoints;

/// <summary>Maps the Model API's routes; model ids keep their slashes through catch-all parameters.</summary>
internal static class RouteMap
{
    public static void MapModelApi(this WebApplication app, EmulatorState state)
    {
        var runner = new EndpointRunner(state);
        var submit = new SubmitEndpoint(state);
        var status = new StatusEndpoint(state);
        var result = new ResultEndpoint(state);
        var cancel = new CancelEndpoint(state);
        var models = new ModelsEndpoint(state);

        app.MapPost("/v1/models/{**modelId}", (HttpContext context, string modelId) =>
            runner.RunAsync(context, EmulatorEndpoint.Submit, fault => submit.HandleAsync(context, modelId, fault)));
        app.MapGet("/v1/requests/{requestId}/status", (HttpContext context, string requestId) =>
            runner.RunAsync(context, EmulatorEndpoint.Status, _ => status.Handle(context, requestId)));
        app.MapGet("/v1/requests/{requestId}/result", (HttpContext context, string requestId) =>
            runner.RunAsync(context, EmulatorEndpoint.Result, _ => result.Handle(context, requestId)));
        app.MapPost("/v1/requests/{requestId}/cancel", (HttpContext context, string requestId) =>
            runner.RunAsync(context, EmulatorEndpoint.Cancel, _ => cancel.Handle(context, requestId)));
        app.MapGet("/v1/models", (HttpContext context) =>
            runner.RunAsync(context, EmulatorEndpoint.ListModels, _ => models.List(context)));
        app.MapGet("/v1/models/{**modelId}", (HttpContext context, string modelId) =>
            runner.RunAsync(context, EmulatorEndpoint.GetModel, _ => models.Get(context, modelId)));
        app.MapGet("/", () => Results.Text(
            "RunComfy Model API emulator. Endpoints: POST /v1/models/{model_id}, GET /v1/requests/{id}/status, " +
            "GET /v1/requests/{id}/result, POST /v1/requests/{id}/cancel, GET /v1/models, GET /v1/models/{model_id}. " +
            "Every call needs 'Authorization: Bearer <token>'.\n"));
    }
}
