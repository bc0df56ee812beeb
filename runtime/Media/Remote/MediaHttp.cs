using System.Net.Http.Headers;

namespace RunComfy.Media.Remote;

/// <summary>The request shape every probe uses (the clients are <see cref="ProbeNetwork"/>'s).</summary>
internal static class MediaHttp
{
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
