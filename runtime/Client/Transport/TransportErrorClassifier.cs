using System.Net.Http;
using System.Net.Sockets;

namespace RunComfy.Client.Transport;

/// <summary>
/// Sorts an exception from <see cref="HttpClient"/> into "certainly not sent" and "may have been sent".
/// SocketsHttpHandler reports failures while opening a connection (DNS, TCP connect, TLS, proxy tunnel)
/// with their own <see cref="HttpRequestError"/> values, before any byte of the request is written;
/// everything else (a reset, an early close, a bad answer) can happen after the server read the request.
/// </summary>
internal static class TransportErrorClassifier
{
    public static TransportFailure Classify(HttpRequestException exception)
    {
        if (exception.HttpRequestError is HttpRequestError.NameResolutionError or HttpRequestError.ConnectionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ProxyTunnelError)
        {
            return TransportFailure.NotSent;
        }

        // Other handlers may not set HttpRequestError; a refused or unreachable connect is still unambiguous.
        for (Exception? e = exception.InnerException; e is not null; e = e.InnerException)
        {
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused or SocketError.HostNotFound or SocketError.HostUnreachable or SocketError.NetworkUnreachable })
            {
                return TransportFailure.NotSent;
            }
        }

        return TransportFailure.Interrupted;
    }

    public static string Describe(TransportFailure failure) => failure switch
    {
        TransportFailure.NotSent => "could not connect, so the request was not sent",
        TransportFailure.Timeout => "no answer within the request timeout",
        TransportFailure.ResendRefused => "a message handler added to the HttpClient tried to send the submit again; the resend was refused, and the first send may have reached RunComfy",
        _ => "the connection was lost after the request may have been sent",
    };
}
