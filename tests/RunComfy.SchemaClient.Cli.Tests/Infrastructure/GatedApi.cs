using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace RunComfy.SchemaClient.Cli.Tests.Infrastructure;

/// <summary>
/// A minimal Model API on loopback whose submit answer waits for the test to release it: the job is
/// "taken" when the POST arrives, and its id is sent only when <see cref="ReleaseSubmit"/> is called.
/// Status always says queued; cancel always succeeds. No timing involved.
/// </summary>
internal sealed class GatedApi : IAsyncDisposable
{
    public const string RequestId = "req-gated-1";

    private readonly WebApplication _app;
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _submits;
    private int _cancels;

    private GatedApi(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    public int Submits => Volatile.Read(ref _submits);

    public int Cancels => Volatile.Read(ref _cancels);

    public void ReleaseSubmit() => _release.TrySetResult();

    public static async Task<GatedApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var api = new GatedApi(app);
        app.MapPost("/v1/models/{**model}", async (HttpContext context) =>
        {
            Interlocked.Increment(ref api._submits);
            await api._release.Task.WaitAsync(context.RequestAborted);
            var baseUrl = api.BaseAddress.ToString().TrimEnd('/');
            await context.Response.WriteAsJsonAsync(new Dictionary<string, string>
            {
                ["request_id"] = RequestId,
                ["status_url"] = $"{baseUrl}/v1/requests/{RequestId}/status",
                ["result_url"] = $"{baseUrl}/v1/requests/{RequestId}/result",
                ["cancel_url"] = $"{baseUrl}/v1/requests/{RequestId}/cancel",
            });
        });
        app.MapGet("/v1/requests/{id}/status", (string id) => Results.Json(new Dictionary<string, object> { ["request_id"] = id, ["status"] = "in_queue", ["queue_position"] = 1 }));
        app.MapPost("/v1/requests/{id}/cancel", (string id) =>
        {
            Interlocked.Increment(ref api._cancels);
            return Results.Json(new Dictionary<string, string> { ["request_id"] = id, ["status"] = "cancelled", ["outcome"] = "cancelled" });
        });
        await app.StartAsync();
        api.BaseAddress = new Uri(app.Urls.First() + "/");
        return api;
    }

    public async ValueTask DisposeAsync()
    {
        _release.TrySetCanceled();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
