using System.Net;

namespace RunComfy.Media.Remote;

/// <summary>
/// Sorts why a remote probe failed: a definite finding (the file is gone, access is refused) against an
/// outcome that says nothing about the file (a timeout, a network error, a server error, a read limit, a
/// server that will not answer the probe's method or range).
/// </summary>
internal static class ProbeFailures
{
    /// <summary>True when the file may well be fine and only this probe could not tell.</summary>
    public static bool IsInconclusive(Exception exception) => exception switch
    {
        TimeoutException => true,
        MediaFormatException format => format.IsReadLimit,
        HttpRequestException { StatusCode: { } status } => IsInconclusive(status),

        // No status: the connection failed, was refused or reset, or the answer made no sense.
        HttpRequestException => true,
        IOException => true,
        _ => false,
    };

    /// <summary>
    /// 5xx and the 4xx statuses that concern the probe's request rather than the file (its method, its range,
    /// its rate); 404, 410, 401, 403 and the other 4xx mean RunComfy will not get the file either.
    /// </summary>
    private static bool IsInconclusive(HttpStatusCode status) => (int)status switch
    {
        >= 500 => true,
        405 or 406 or 408 or 411 or 412 or 416 or 421 or 425 or 428 or 429 or 431 => true,
        _ => false,
    };
}
