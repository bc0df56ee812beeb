using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>
/// A loopback Kestrel server that serves test files the ways real hosts do: <c>/files/</c> honours HEAD and
/// Range, <c>/nohead/</c> refuses HEAD, <c>/norange/</c> ignores Range, <c>/nolength/</c> sends neither a length
/// nor ranges, <c>/hang/</c> never answers, <c>/gate/</c> holds each request until <see cref="GateWidth"/>
/// requests are waiting at once, <c>/missing/</c> answers 404, <c>/status503/</c> (any code) answers that status to
/// every method, <c>/redirect/</c> answers the redirect set with <see cref="Redirect"/>, <c>/loop/</c> redirects to
/// itself forever. Every request is logged with the body bytes it was sent. It speaks HTTPS when given a certificate.
/// </summary>
public sealed class MediaTestServer : IAsyncDisposable
{
    private const int WriteSlice = 16 * 1024;

    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<ServedRequest> _log = new();
    private readonly ConcurrentDictionary<string, int> _inFlight = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, (string Location, int Status)> _redirects = new(StringComparer.Ordinal);
    private readonly object _gateLock = new();
    private WebApplication? _app;
    private int _waitingAtGate;
    private TaskCompletionSource _gateOpen = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>How many requests <c>/gate/</c> waits for before answering them all.</summary>
    public int GateWidth { get; set; } = 10;

    /// <summary>The most requests seen waiting at the gate at once.</summary>
    public int MaxWaitingAtGate { get; private set; }

    public static async Task<MediaTestServer> StartAsync(X509Certificate2? certificate = null)
    {
        var server = new MediaTestServer();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0, listen =>
        {
            if (certificate is not null)
            {
                listen.UseHttps(certificate);
            }
        }));
        var app = builder.Build();
        app.MapMethods("/{mode}/{name}", ["GET", "HEAD"], (HttpContext context, string mode, string name) => server.ServeAsync(context, mode, name));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/");
        server._app = app;
        return server;
    }

    /// <summary>Adds a file and returns its URL under the given mode (plain HTTP to loopback, opted in).</summary>
    public MediaInput Add(string name, byte[] content, string mode = "files")
    {
        _files[name] = content;
        return Url(mode, name);
    }

    /// <summary>Makes <c>/redirect/{name}</c> answer <paramref name="status"/> with <paramref name="location"/>.</summary>
    public MediaInput Redirect(string name, string location, int status = StatusCodes.Status302Found)
    {
        _redirects[name] = (location, status);
        return Url("redirect", name);
    }

    /// <summary>A file's URL as media; loopback HTTP is refused unless asked for, so this asks.</summary>
    public MediaInput Url(string mode, string name, string query = "") =>
        MediaInput.FromUri(new Uri(BaseAddress, $"{mode}/{name}{query}"), allowLoopbackHttp: true);

    /// <summary>
    /// The requests made for one file name, once the server has finished answering them (a client that stops
    /// reading early is done before the server notices).
    /// </summary>
    public IReadOnlyList<ServedRequest> RequestsFor(string name)
    {
        var safetyNet = DateTime.UtcNow.AddSeconds(30);
        while (_inFlight.TryGetValue(name, out var count) && count > 0 && DateTime.UtcNow < safetyNet)
        {
            Thread.Sleep(5);
        }

        return _log.Where(r => r.Name == name).ToList();
    }

    private async Task ServeAsync(HttpContext context, string mode, string name)
    {
        var request = context.Request;
        var response = context.Response;
        var range = request.Headers.Range.ToString();
        long sent = 0;
        _inFlight.AddOrUpdate(name, 1, (_, count) => count + 1);
        try
        {
            if (mode == "hang")
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }

            if (mode == "gate")
            {
                await WaitAtGateAsync(context.RequestAborted);
            }

            if (mode == "redirect" && _redirects.TryGetValue(name, out var redirect))
            {
                response.StatusCode = redirect.Status;
                response.Headers.Location = redirect.Location;
                return;
            }

            if (mode == "loop")
            {
                // A relative Location back to this very URL.
                response.StatusCode = StatusCodes.Status307TemporaryRedirect;
                response.Headers.Location = $"/loop/{name}";
                return;
            }

            if (mode.StartsWith("status", StringComparison.Ordinal))
            {
                // /status503/ and the like: that status for every method, HEAD and GET alike.
                response.StatusCode = int.Parse(mode["status".Length..], System.Globalization.CultureInfo.InvariantCulture);
                return;
            }

            if (mode == "missing" || !_files.TryGetValue(name, out var content))
            {
                response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            var isHead = HttpMethods.IsHead(request.Method);
            if (isHead && mode == "nohead")
            {
                response.StatusCode = StatusCodes.Status405MethodNotAllowed;
                return;
            }

            if (isHead)
            {
                if (mode != "nolength")
                {
                    response.ContentLength = content.Length;
                }

                response.Headers.AcceptRanges = mode is "norange" or "nolength" ? "none" : "bytes";
                return;
            }

            long from = 0;
            long to = content.Length - 1;
            if (mode is not ("norange" or "nolength") && TryParseRange(range, content.Length, out var rangeFrom, out var rangeTo))
            {
                if (rangeFrom >= content.Length)
                {
                    response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                    response.Headers.ContentRange = $"bytes */{content.Length}";
                    return;
                }

                from = rangeFrom;
                to = Math.Min(rangeTo, content.Length - 1);
                response.StatusCode = StatusCodes.Status206PartialContent;
                response.Headers.ContentRange = $"bytes {from}-{to}/{content.Length}";
            }

            if (mode != "nolength")
            {
                response.ContentLength = to - from + 1;
            }

            for (var at = from; at <= to; at += WriteSlice)
            {
                var slice = (int)Math.Min(WriteSlice, to - at + 1);
                await response.Body.WriteAsync(content.AsMemory((int)at, slice), context.RequestAborted);
                sent += slice;
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client stopped reading: that is the point of probing.
        }
        finally
        {
            _log.Enqueue(new ServedRequest(request.Method, mode, name, range.Length == 0 ? null : range, response.StatusCode, sent));
            _inFlight.AddOrUpdate(name, 0, (_, count) => count - 1);
        }
    }

    private async Task WaitAtGateAsync(CancellationToken aborted)
    {
        Task open;
        lock (_gateLock)
        {
            _waitingAtGate++;
            MaxWaitingAtGate = Math.Max(MaxWaitingAtGate, _waitingAtGate);
            if (_waitingAtGate >= GateWidth)
            {
                _gateOpen.TrySetResult();
            }

            open = _gateOpen.Task;
        }

        try
        {
            // The timeout is only a safety net: a client that probes one at a time would wait here forever.
            await open.WaitAsync(TimeSpan.FromSeconds(30), aborted);
        }
        finally
        {
            lock (_gateLock)
            {
                _waitingAtGate--;
            }
        }
    }

    private static bool TryParseRange(string header, long length, out long from, out long to)
    {
        from = 0;
        to = length - 1;
        if (!header.StartsWith("bytes=", StringComparison.Ordinal) || header.Contains(','))
        {
            return false;
        }

        var parts = header["bytes=".Length..].Split('-');
        if (parts.Length != 2)
        {
            return false;
        }

        if (parts[0].Length == 0)
        {
            from = Math.Max(0, length - long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
            return true;
        }

        from = long.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        to = parts[1].Length == 0 ? length - 1 : long.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.StopAsync();
            await _app.DisposeAsync();
        }
    }
}

/// <summary>One request the test server answered.</summary>
public sealed record ServedRequest(string Method, string Mode, string Name, string? Range, int Status, long BodyBytes);

/// <summary>Starts one server per test class.</summary>
public sealed class MediaServerFixture : IAsyncLifetime
{
    public MediaTestServer Server { get; private set; } = null!;

    public async Task InitializeAsync() => Server = await MediaTestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();
}
