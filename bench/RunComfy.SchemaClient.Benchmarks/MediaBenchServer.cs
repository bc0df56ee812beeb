using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// A loopback Kestrel file server for the media benchmarks: HEAD and single byte ranges, an optional delay
/// before each answer (a stand-in for a network round trip), and a count of the body bytes written per file.
/// </summary>
internal sealed class MediaBenchServer : IAsyncDisposable
{
    private const int WriteSlice = 16 * 1024;

    private readonly ConcurrentDictionary<string, byte[]> _files = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> _bytesWritten = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _requests = new(StringComparer.Ordinal);
    private readonly WebApplication _app;
    private readonly TimeSpan _latency;
    private int _inFlight;

    private MediaBenchServer(WebApplication app, TimeSpan latency)
    {
        _app = app;
        _latency = latency;
    }

    public Uri BaseAddress { get; private set; } = null!;

    public static async Task<MediaBenchServer> StartAsync(TimeSpan latency)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options => options.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var server = new MediaBenchServer(app, latency);
        app.MapMethods("/files/{name}", ["GET", "HEAD"], (HttpContext context, string name) => server.ServeAsync(context, name));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server.BaseAddress = new Uri(address.TrimEnd('/') + "/files/");
        return server;
    }

    public Uri Add(string name, byte[] content)
    {
        _files[name] = content;
        return new Uri(BaseAddress, name);
    }

    public long BytesWritten(string name) => _bytesWritten.GetValueOrDefault(name);

    public int Requests(string name) => _requests.GetValueOrDefault(name);

    /// <summary>Waits until every request has been answered: a client may be done before the server counted its last write.</summary>
    public async Task WhenIdleAsync()
    {
        while (Volatile.Read(ref _inFlight) > 0)
        {
            await Task.Delay(5);
        }
    }

    public void ResetCounters()
    {
        _bytesWritten.Clear();
        _requests.Clear();
    }

    private async Task ServeAsync(HttpContext context, string name)
    {
        Interlocked.Increment(ref _inFlight);
        try
        {
            await AnswerAsync(context, name);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private async Task AnswerAsync(HttpContext context, string name)
    {
        _requests.AddOrUpdate(name, 1, (_, n) => n + 1);
        if (_latency > TimeSpan.Zero)
        {
            await Task.Delay(_latency, context.RequestAborted);
        }

        if (!_files.TryGetValue(name, out var content))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        var response = context.Response;
        response.Headers.AcceptRanges = "bytes";
        if (HttpMethods.IsHead(context.Request.Method))
        {
            response.ContentLength = content.Length;
            return;
        }

        long from = 0;
        long to = content.Length - 1;
        var range = context.Request.Headers.Range.ToString();
        if (range.StartsWith("bytes=", StringComparison.Ordinal) && range.IndexOf('-') is var dash and > 6)
        {
            from = long.Parse(range.AsSpan(6, dash - 6), System.Globalization.CultureInfo.InvariantCulture);
            if (dash + 1 < range.Length)
            {
                to = Math.Min(to, long.Parse(range.AsSpan(dash + 1), System.Globalization.CultureInfo.InvariantCulture));
            }

            if (from >= content.Length)
            {
                response.StatusCode = StatusCodes.Status416RangeNotSatisfiable;
                response.Headers.ContentRange = $"bytes */{content.Length}";
                return;
            }

            response.StatusCode = StatusCodes.Status206PartialContent;
            response.Headers.ContentRange = $"bytes {from}-{to}/{content.Length}";
        }

        response.ContentLength = to - from + 1;
        try
        {
            for (var at = from; at <= to; at += WriteSlice)
            {
                var slice = (int)Math.Min(WriteSlice, to - at + 1);
                await response.Body.WriteAsync(content.AsMemory((int)at, slice), context.RequestAborted);
                _bytesWritten.AddOrUpdate(name, slice, (_, n) => n + slice);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or IOException)
        {
            // The client stopped reading.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
