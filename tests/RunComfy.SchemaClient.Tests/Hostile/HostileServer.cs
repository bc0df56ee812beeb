using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RunComfy.SchemaClient.Tests.Hostile;

/// <summary>
/// A misbehaving Model API on 127.0.0.1, for every test that needs one. It speaks just enough HTTP/1.1 over
/// a raw socket to answer each request with a <see cref="HostileAnswer"/> exactly as scripted (status,
/// reason phrase, headers, body bytes), which a well-behaved server framework would refuse to send.
/// Routes are matched in the order they were added; a request no route matches gets a 404 JSON error.
/// Bounded: one connection per request (<c>Connection: close</c>), heads up to 64 KiB, bodies up to
/// 16 MiB, and 30 s per connection; everything stops on dispose.
/// </summary>
public sealed class HostileServer : IAsyncDisposable
{
    private const int MaxHeadBytes = 64 * 1024;
    private const int MaxBodyBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan ConnectionLimit = TimeSpan.FromSeconds(30);

    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<HostileRoute> _routes = [];
    private readonly List<HostileRequest> _requests = [];
    private readonly Task _accepting;

    private HostileServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");
        Submit = On("POST", "/v1/models/*");
        Status = On("GET", "/v1/requests/*/status");
        Result = On("GET", "/v1/requests/*/result");
        Cancel = On("POST", "/v1/requests/*/cancel");
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The server's address, <c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Every request received so far, in order.</summary>
    public IReadOnlyList<HostileRequest> Requests
    {
        get
        {
            lock (_requests)
            {
                return [.. _requests];
            }
        }
    }

    public static HostileServer Start() => new();

    /// <summary>A route for <paramref name="method"/> and a path pattern (<c>*</c> matches anything).</summary>
    public HostileRoute On(string method, string pathPattern)
    {
        var route = new HostileRoute(method, pathPattern);
        lock (_routes)
        {
            _routes.Add(route);
        }

        return route;
    }

    /// <summary><c>POST /v1/models/*</c>.</summary>
    public HostileRoute Submit { get; }

    /// <summary><c>GET /v1/requests/*/status</c>.</summary>
    public HostileRoute Status { get; }

    /// <summary><c>GET /v1/requests/*/result</c>.</summary>
    public HostileRoute Result { get; }

    /// <summary><c>POST /v1/requests/*/cancel</c>.</summary>
    public HostileRoute Cancel { get; }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(socket));
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
        limit.CancelAfter(ConnectionLimit);
        await using var stream = new NetworkStream(socket, ownsSocket: true);
        try
        {
            var request = await ReadRequestAsync(stream, limit.Token);
            if (request is null)
            {
                return;
            }

            lock (_requests)
            {
                _requests.Add(request);
            }

            var answer = Route(request);
            await stream.WriteAsync(answer.Head(), limit.Token);
            await stream.WriteAsync(answer.Body, limit.Token);
            await stream.FlushAsync(limit.Token);
            socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or FormatException)
        {
            // The client went away, or sent something this fixture does not speak: drop the connection.
        }
    }

    private HostileAnswer Route(HostileRequest request)
    {
        lock (_routes)
        {
            foreach (var route in _routes)
            {
                if (route.Matches(request.Method, request.Path))
                {
                    return route.Next();
                }
            }
        }

        return HostileAnswer.Json(404, """{"error_code":404000,"error_message":"no route"}""");
    }

    private static async Task<HostileRequest?> ReadRequestAsync(NetworkStream stream, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int headEnd;
        while ((headEnd = IndexOfHeadEnd(buffer)) < 0)
        {
            if (buffer.Length > MaxHeadBytes)
            {
                throw new FormatException("request head too large");
            }

            var read = await stream.ReadAsync(chunk, cancellationToken);
            if (read == 0)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        var all = buffer.ToArray();
        var lines = Encoding.Latin1.GetString(all, 0, headEnd).Split("\r\n");
        var requestLine = lines[0].Split(' ');
        if (requestLine.Length < 3)
        {
            throw new FormatException("bad request line");
        }

        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in lines.Skip(1))
        {
            var colon = line.IndexOf(':');
            if (colon > 0)
            {
                headers[line[..colon].Trim()] = line[(colon + 1)..].Trim();
            }
        }

        var body = new MemoryStream();
        body.Write(all, headEnd + 4, all.Length - headEnd - 4);
        var length = headers.TryGetValue("Content-Length", out var declared) ? int.Parse(declared, System.Globalization.CultureInfo.InvariantCulture) : 0;
        if (length > MaxBodyBytes)
        {
            throw new FormatException("request body too large");
        }

        while (body.Length < length)
        {
            var read = await stream.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, length - body.Length)), cancellationToken);
            if (read == 0)
            {
                return null;
            }

            body.Write(chunk, 0, read);
        }

        return new HostileRequest(requestLine[0], requestLine[1], headers, body.ToArray());
    }

    private static int IndexOfHeadEnd(MemoryStream buffer)
    {
        var span = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        return span.IndexOf("\r\n\r\n"u8);
    }
}
