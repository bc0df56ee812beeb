using System.Net.Http;
using System.Net.Sockets;

namespace RunComfy.SchemaClient.Tests.Client.TestDoubles;

/// <summary>The exceptions SocketsHttpHandler throws for each kind of network failure.</summary>
public static class Network
{
    /// <summary>Nothing listens: the request never left.</summary>
    public static Exception ConnectionRefused() =>
        new HttpRequestException(HttpRequestError.ConnectionError, "Connection refused (model-api.runcomfy.net:443)", new SocketException((int)SocketError.ConnectionRefused));

    /// <summary>DNS failed: the request never left.</summary>
    public static Exception NameNotResolved() =>
        new HttpRequestException(HttpRequestError.NameResolutionError, "Name or service not known (model-api.runcomfy.net:443)", new SocketException((int)SocketError.HostNotFound));

    /// <summary>The server closed the connection after reading the request, before answering.</summary>
    public static Exception ResetMidway() =>
        new HttpRequestException(HttpRequestError.ResponseEnded, "An error occurred while sending the request.", new IOException("The response ended prematurely."));

    /// <summary>The connection was reset by the peer while the request was being written or read.</summary>
    public static Exception ConnectionReset() =>
        new HttpRequestException(HttpRequestError.Unknown, "An error occurred while sending the request.", new IOException("Connection reset by peer", new SocketException((int)SocketError.ConnectionReset)));

    /// <summary>
    /// A step that hangs until the client's per-call timeout fires: it moves the virtual clock past the
    /// timeout, which cancels the token the client gave to this attempt.
    /// </summary>
    public static Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> HangUntilTimeout(VirtualTimeProvider time, TimeSpan requestTimeout) =>
        async (_, cancellationToken) =>
        {
            time.Advance(requestTimeout + TimeSpan.FromSeconds(1));
            await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            throw new InvalidOperationException("unreachable");
        };
}
