using System.Net;
using System.Net.Sockets;
using System.Text;

namespace RunComfy.SchemaClient.Generator.Tests.Infrastructure;

/// <summary>
/// A loopback HTTP server (127.0.0.1 only) that counts every connection and answers each with a small,
/// valid JSON schema, so a fetch would succeed if anything made one: a count of zero then proves that
/// nothing was fetched, not that a fetch failed. Bounded: each read has a 2 s timeout and the accept
/// loop stops on dispose. Also linked into RunComfy.SchemaClient.Tests for the emulator.
/// </summary>
public sealed class LoopbackRequestCounter : IDisposable
{
    private const string Answer = """{"type":"object","properties":{"fetched":{"type":"string"}}}""";

    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private int _connections;

    public LoopbackRequestCounter()
    {
        _listener.Start();
        BaseUrl = "http://127.0.0.1:" + ((IPEndPoint)_listener.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _loop = Task.Run(AcceptLoopAsync);
    }

    /// <summary><c>http://127.0.0.1:port</c>, without a trailing slash.</summary>
    public string BaseUrl { get; }

    /// <summary>Connections made so far: every HTTP request needs one.</summary>
    public int Connections => Volatile.Read(ref _connections);

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }

    private async Task AcceptLoopAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => AnswerAsync(client));
        }
    }

    private async Task AnswerAsync(TcpClient client)
    {
        using (client)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
                timeout.CancelAfter(TimeSpan.FromSeconds(2));
                NetworkStream stream = client.GetStream();
                var buffer = new byte[4096];
                var request = new StringBuilder();
                while (request.Length < 16_384 && !request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
                {
                    int read = await stream.ReadAsync(buffer, timeout.Token);
                    if (read == 0)
                    {
                        return;
                    }

                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                byte[] body = Encoding.UTF8.GetBytes(Answer);
                byte[] head = Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(head, timeout.Token);
                await stream.WriteAsync(body, timeout.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException or SocketException)
            {
                // The count is what matters; a client that went away needs no answer.
            }
        }
    }
}
