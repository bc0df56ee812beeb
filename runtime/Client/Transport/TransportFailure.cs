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
}
