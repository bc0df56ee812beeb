namespace RunComfy.Client.Transport;

/// <summary>How an HTTP attempt failed without an answer; decides whether a submit may be sent again.</summary>
internal enum TransportFailure
{
    /// <summary>The request certainly never left: connection refused, DNS, TLS or connect timeout.</summary>
    NotSent,

    /// <summary>No answer within the per-call timeout; the server may have received the request.</summary>
    Timeout,

    /// <summary>The connection broke after the request may have been sent (reset, early close, bad framing).</summary>
    Interrupted,

    /// <summary>
    /// A handler added around the client's HttpClient (e.g. a retry handler) sent a submit, then tried to send it
    /// again and was refused: the first send may have reached the server.
    /// </summary>
    ResendRefused,
}
