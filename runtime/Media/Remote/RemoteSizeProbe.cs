using System.Net;

namespace RunComfy.Media.Remote;

/// <summary>
/// The size of a remote file without downloading it: the <c>Content-Length</c> of a <c>HEAD</c>, or where HEAD
/// is refused or says nothing (pre-signed URLs are often signed for GET only), the total of the
/// <c>Content-Range</c> of a <c>GET</c> for the single byte <c>bytes=0-0</c>.
/// </summary>
internal static class RemoteSizeProbe
{
    /// <summary>The size in bytes, or null when the server tells neither a length nor a range total.</summary>
    /// <exception cref="HttpRequestException">The file cannot be fetched (network error or an error status), or a hop was refused (<see cref="MediaProbeRefusedException"/>).</exception>
    public static async Task<long?> GetSizeAsync(ProbeSender sender, CancellationToken cancellationToken)
    {
        using (var response = await sender.SendAsync(HttpMethod.Head, null, null, cancellationToken).ConfigureAwait(false))
        {
            // A HEAD with length 0 is more often a server that leaves it out than an empty file: ask with GET.
            if (response.IsSuccessStatusCode && response.Content.Headers.ContentLength is > 0 and var length)
            {
                return length;
            }
        }

        using var ranged = await sender.SendAsync(HttpMethod.Get, 0, 0, cancellationToken).ConfigureAwait(false);
        return ranged.StatusCode switch
        {
            HttpStatusCode.PartialContent => ranged.Content.Headers.ContentRange?.Length,

            // The server ignored the range: its Content-Length is the size. The body is never read;
            // disposing the response closes the connection.
            HttpStatusCode.OK => ranged.Content.Headers.ContentLength,

            // Not even byte 0 exists: an empty file.
            HttpStatusCode.RequestedRangeNotSatisfiable => ranged.Content.Headers.ContentRange?.Length ?? 0,
            _ => throw MediaHttp.StatusError(ranged, "The server"),
        };
    }
}
