using System.Net;
using System.Net.Http.Headers;

namespace RunComfy.Media.Remote;

/// <summary>The shared HTTP client for probes, and the request shape every probe uses.</summary>
internal static class MediaHttp
{
    private static readonly Lazy<HttpClient> SharedClient = new(CreateClient);

    /// <summary>
    /// A client that never decompresses (ranges address the bytes on the wire) and never drains a body it
    /// stopped reading (closing the connection is cheaper than downloading the rest of a 9 MB file).
    /// </summary>
    public static HttpClient Shared => SharedClient.Value;

    private static HttpClient CreateClient()
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseDrainSize = 0,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            MaxAutomaticRedirections = 5,
        };
        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    /// <summary>A probe request: identity encoding so that byte ranges and lengths mean the file's bytes.</summary>
    public static HttpRequestMessage CreateRequest(HttpMethod method, Uri uri, long? rangeFrom = null, long? rangeTo = null)
    {
        var request = new HttpRequestMessage(method, uri);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("identity"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("RunComfy.SchemaClient", "1.0"));
        request.Headers.UserAgent.Add(new ProductInfoHeaderValue("(media-probe)"));
        if (rangeFrom is { } from)
        {
            request.Headers.Range = new RangeHeaderValue(from, rangeTo);
        }

        return request;
    }

    /// <summary>The error for a status that is neither success nor a range answer.</summary>
    public static HttpRequestException StatusError(HttpResponseMessage response, string what) =>
        new($"{what} answered HTTP {(int)response.StatusCode} {response.ReasonPhrase}", null, response.StatusCode);
}
