using System.Net;
using RunComfy.Client.Wire;

namespace RunComfy.Media.Remote;

/// <summary>
/// Sends the requests of one probe, following redirects by hand (at most <see cref="MaxRedirects"/> per request)
/// and checking every hop, the first included, with the same rules: HTTPS, or plain HTTP to a loopback host for
/// media opted in with <c>allowLoopbackHttp</c>; never from HTTPS down to HTTP; and an address the
/// <see cref="ProbeAddressPolicy"/> allows. With the default clients the address is checked where the connection is
/// made (<see cref="ProbeNetwork"/>); with a client of the caller's own, which may resolve names by itself, an IP
/// literal is checked and a host name is resolved and checked before the request is sent. Later requests of the
/// probe start at the URL the redirects led to.
/// </summary>
internal sealed class ProbeSender
{
    /// <summary>Redirects followed for one request at most.</summary>
    public const int MaxRedirects = 5;

    private readonly HttpClient _http;
    private readonly ProbeNetwork _network;
    private readonly ProbeAddressPolicy _policy;
    private readonly bool _checksAtConnect;
    private readonly bool _allowLoopbackHttp;
    private bool _sawHttps;
    private Uri _current;

    private ProbeSender(HttpClient http, ProbeNetwork network, ProbeAddressPolicy policy, bool checksAtConnect, bool allowLoopbackHttp, Uri uri)
    {
        _allowLoopbackHttp = allowLoopbackHttp;
        _http = http;
        _network = network;
        _policy = policy;
        _checksAtConnect = checksAtConnect;
        _current = uri;
    }

    /// <summary>The sender for probing <paramref name="media"/> at <paramref name="uri"/>.</summary>
    public static ProbeSender For(MediaInput media, Uri uri, MediaValidationOptions options)
    {
        var policy = ProbeAddressPolicy.For(media, options);
        return options.HttpClient is { } own
            ? new ProbeSender(own, options.Network, policy, checksAtConnect: false, media.AllowsLoopbackHttp, uri)
            : new ProbeSender(options.Network.ClientFor(policy), options.Network, policy, checksAtConnect: true, media.AllowsLoopbackHttp, uri);
    }

    /// <summary>Requests made so far, redirects included.</summary>
    public int Requests { get; private set; }

    /// <summary>
    /// Sends a probe request (headers only read) and returns the first answer that is not a redirect.
    /// </summary>
    /// <exception cref="MediaProbeRefusedException">A hop the rules refuse, or too many redirects; nothing was sent to it.</exception>
    /// <exception cref="HttpRequestException">A network error, or a redirect without a usable <c>Location</c>.</exception>
    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, long? rangeFrom, long? rangeTo, CancellationToken cancellationToken)
    {
        var uri = _current;
        for (var redirects = 0; ; redirects++)
        {
            await CheckHopAsync(uri, cancellationToken).ConfigureAwait(false);
            var response = await SendOnceAsync(method, uri, rangeFrom, rangeTo, cancellationToken).ConfigureAwait(false);
            if (response.RequestMessage?.RequestUri is { } answered && answered != uri)
            {
                // A caller's client followed a redirect itself: the target was fetched unchecked; check it now,
                // so that at least nothing read from a refused address is used.
                await CheckAfterTheFactAsync(response, answered, cancellationToken).ConfigureAwait(false);
                uri = answered;
            }

            if (!IsRedirect(response.StatusCode))
            {
                _current = uri;
                return response;
            }

            Uri target;
            using (response)
            {
                target = response.Headers.Location is { } location
                    ? location.IsAbsoluteUri ? location : new Uri(uri, location)
                    : throw new HttpRequestException($"The server answered HTTP {(int)response.StatusCode} without a Location to redirect to.");
            }

            if (redirects == MaxRedirects)
            {
                throw new MediaProbeRefusedException(UrlDisplay.Of(target, markQuery: true), $"more than {MaxRedirects} redirects");
            }

            uri = target;
        }
    }

    private async Task<HttpResponseMessage> SendOnceAsync(HttpMethod method, Uri uri, long? rangeFrom, long? rangeTo, CancellationToken cancellationToken)
    {
        using var request = MediaHttp.CreateRequest(method, uri, rangeFrom, rangeTo);
        Requests++;
        try
        {
            return await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException exception) when (FindRefusal(exception) is { } refusal)
        {
            // The connect-time check refused the address: the handler wraps that in a connection error.
            throw refusal;
        }
    }

    private async Task CheckAfterTheFactAsync(HttpResponseMessage response, Uri answered, CancellationToken cancellationToken)
    {
        try
        {
            await CheckHopAsync(answered, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            response.Dispose();
            throw;
        }
    }

    /// <summary>The rules every hop must pass before anything is sent to it.</summary>
    private async Task CheckHopAsync(Uri uri, CancellationToken cancellationToken)
    {
        if (uri.Scheme == Uri.UriSchemeHttp)
        {
            if (_sawHttps)
            {
                throw Refused(uri, "a redirect from HTTPS down to plain HTTP");
            }

            if (!(_allowLoopbackHttp && uri.IsLoopback))
            {
                throw Refused(uri, "plain HTTP is followed only to a loopback host, for media created with MediaInput.FromUrl(url, allowLoopbackHttp: true)");
            }
        }
        else if (uri.Scheme == Uri.UriSchemeHttps)
        {
            // Once HTTPS, always HTTPS: a later hop to plain HTTP is a downgrade.
            _sawHttps = true;
        }
        else
        {
            throw Refused(uri, $"the '{uri.Scheme}' scheme; probes fetch only HTTPS");
        }

        var host = uri.IdnHost;
        var literal = System.Net.IPAddress.TryParse(host.Trim('[', ']'), out _);
        if (_checksAtConnect && !literal)
        {
            // The guarded handler resolves and checks the name where it connects.
            return;
        }

        foreach (var address in await _network.ResolveAsync(host, cancellationToken).ConfigureAwait(false))
        {
            if (ProbeAddressRules.Refusal(address, _policy) is { } reason)
            {
                throw Refused(uri, ProbeNetwork.Describe(host, address, reason));
            }
        }
    }

    private static MediaProbeRefusedException Refused(Uri uri, string reason) => new(UrlDisplay.Of(uri, markQuery: true), reason);

    private static MediaProbeRefusedException? FindRefusal(Exception exception)
    {
        for (Exception? inner = exception; inner is not null; inner = inner.InnerException)
        {
            if (inner is MediaProbeRefusedException refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static bool IsRedirect(HttpStatusCode status) => (int)status is 301 or 302 or 303 or 307 or 308;
}
