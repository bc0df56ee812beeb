using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace RunComfy.SchemaClient.Tests.Downloads;

/// <summary>
/// A file host on 127.0.0.1 for download tests: each path answers with a scripted handler that may stream without
/// a length, go silent, break the connection or redirect. Records the headers of every request. Bounded: a silent
/// handler waits at most <see cref="SilenceLimit"/>, and everything stops on dispose.
/// </summary>
internal sealed class DownloadServer : IAsyncDisposable
{
    /// <summary>The longest a handler stays silent, so no test can hang on a server.</summary>
    public static readonly TimeSpan SilenceLimit = TimeSpan.FromSeconds(20);

    private readonly WebApplication _app;
    private readonly Dictionary<string, Func<HttpContext, Task>> _routes = new(StringComparer.Ordinal);
    private readonly List<(string Path, IReadOnlyDictionary<string, string> Headers)> _requests = [];

    private Func<HttpContext, Task>? _fallback;

    private DownloadServer(WebApplication app) => _app = app;

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Every request so far: its path and headers.</summary>
    public IReadOnlyList<(string Path, IReadOnlyDictionary<string, string> Headers)> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static async Task<DownloadServer> StartAsync()
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new DownloadServer(app);
        app.Run(server.AnswerAsync);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        return server;
    }

    /// <summary>The absolute URL of <paramref name="pathAndQuery"/> on this server.</summary>
    public Uri Url(string pathAndQuery) => new(BaseAddress, pathAndQuery);

    /// <summary>Answers <paramref name="path"/> with <paramref name="handler"/>.</summary>
    public void On(string path, Func<HttpContext, Task> handler)
    {
        lock (_routes)
        {
            _routes[path] = handler;
        }
    }

    /// <summary>Answers every path no other handler answers (paths with escaped separators, say).</summary>
    public void OnAnyPath(Func<HttpContext, Task> handler) => _fallback = handler;

    /// <summary>Answers <paramref name="path"/> with <paramref name="body"/>, its length declared.</summary>
    public void Serve(string path, byte[] body, string contentType = "image/png", string? contentDisposition = null) =>
        On(path, async context =>
        {
            context.Response.ContentType = contentType;
            context.Response.ContentLength = body.Length;
            if (contentDisposition is not null)
            {
                context.Response.Headers.ContentDisposition = contentDisposition;
            }

            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        });

    /// <summary>Answers <paramref name="path"/> with a redirect to <paramref name="location"/>.</summary>
    public void Redirect(string path, string location, int status = 302) =>
        On(path, context =>
        {
            context.Response.StatusCode = status;
            context.Response.Headers.Location = location;
            return Task.CompletedTask;
        });

    /// <summary>Waits until the client goes away or the silence limit passes.</summary>
    public static async Task StaySilentAsync(HttpContext context)
    {
        try
        {
            await Task.Delay(SilenceLimit, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _app.StopAsync(stop.Token);
        await _app.DisposeAsync();
    }

    private async Task AnswerAsync(HttpContext context)
    {
        lock (_requests)
        {
            _requests.Add((context.Request.Path.Value ?? "", context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase)));
        }

        Func<HttpContext, Task>? handler;
        lock (_routes)
        {
            _routes.TryGetValue(context.Request.Path.Value ?? "", out handler);
        }

        handler ??= _fallback;

        if (handler is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        await handler(context);
    }
}
