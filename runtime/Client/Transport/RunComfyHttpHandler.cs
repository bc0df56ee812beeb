using System.Net;
using System.Net.Http;
using System.Net.Sockets;

namespace RunComfy.Client.Transport;

/// <summary>The handler the client uses when it makes its own <see cref="HttpClient"/> (and under <c>AddRunComfy</c>).</summary>
internal static class RunComfyHttpHandler
{
    public static SocketsHttpHandler Create(TimeSpan connectTimeout) => new()
    {
        // Long-lived clients must still see DNS changes.
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        AutomaticDecompression = DecompressionMethods.All,

        // A redirected POST could be sent again to another address, and the token would be dropped anyway.
        AllowAutoRedirect = false,
        UseCookies = false,

        // Our own connect step: a connect timeout then surfaces as a connection error ("not sent"),
        // not as a request timeout, so a submit that never left can be retried safely.
        ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, connectTimeout, cancellationToken),
    };

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        using var timeoutSource = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeoutSource.CancelAfter(timeout);
        try
        {
            await socket.ConnectAsync(endPoint, timeoutSource.Token).ConfigureAwait(false);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            socket.Dispose();
            throw new SocketException((int)SocketError.TimedOut);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
