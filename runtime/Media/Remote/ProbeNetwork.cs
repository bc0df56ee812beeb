using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using RunComfy.Client.Wire;

namespace RunComfy.Media.Remote;

/// <summary>
/// The HTTP clients the probes use by default, one per <see cref="ProbeAddressPolicy"/> so that a connection opened
/// under a laxer policy is never reused under a stricter one. Their handler connects by itself
/// (<see cref="SocketsHttpHandler.ConnectCallback"/>): it resolves the host, drops every address the policy refuses
/// and connects to an allowed address it has just checked, so no DNS answer can slip a private address in between
/// the check and the connection. It never follows redirects (<see cref="ProbeSender"/> does, checking each hop),
/// never decompresses, never drains a body it stopped reading, and uses no proxy, so the address checked is the
/// address connected to.
/// </summary>
internal sealed class ProbeNetwork
{
    private readonly Func<string, CancellationToken, Task<IPAddress[]>> _resolve;
    private readonly RemoteCertificateValidationCallback? _certificateCheck;
    private readonly Action<IPEndPoint>? _connecting;
    private readonly Func<string, IPAddress, string, string> _describe;
    private readonly ConcurrentDictionary<ProbeAddressPolicy, Lazy<HttpClient>> _clients = new();

    /// <param name="resolve">Resolves a host name (tests resolve made-up names without any DNS).</param>
    /// <param name="certificateCheck">Replaces certificate validation (tests trust their own loopback certificate).</param>
    /// <param name="connecting">Told of every connection attempt before it is made (tests prove none went to a refused address).</param>
    /// <param name="describe">Words a refused address (host, address, reason); by default <see cref="Describe"/>, whose hint names the media options (downloads name theirs).</param>
    public ProbeNetwork(
        Func<string, CancellationToken, Task<IPAddress[]>> resolve,
        RemoteCertificateValidationCallback? certificateCheck = null,
        Action<IPEndPoint>? connecting = null,
        Func<string, IPAddress, string, string>? describe = null)
    {
        _describe = describe ?? Describe;
        _resolve = resolve;
        _certificateCheck = certificateCheck;
        _connecting = connecting;
    }

    /// <summary>The system resolver and certificate checks.</summary>
    public static ProbeNetwork Default { get; } = new(static (host, cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken));

    /// <summary>The guarded client for <paramref name="policy"/>, created once and shared.</summary>
    public HttpClient ClientFor(ProbeAddressPolicy policy) =>
        _clients.GetOrAdd(policy, p => new Lazy<HttpClient>(() => CreateClient(p))).Value;

    /// <summary>The addresses of <paramref name="host"/>: itself when it is an IP literal, else the resolver's answer.</summary>
    /// <exception cref="HttpRequestException">The name cannot be resolved (no status: the file may be fine).</exception>
    public async Task<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            return await _resolve(host, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException failure)
        {
            throw new HttpRequestException(HttpRequestError.NameResolutionError, $"The host '{host}' could not be resolved ({failure.SocketErrorCode}).", failure);
        }
    }

    private HttpClient CreateClient(ProbeAddressPolicy policy)
    {
        var handler = new SocketsHttpHandler
        {
            AutomaticDecompression = DecompressionMethods.None,
            MaxResponseDrainSize = 0,
            PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            AllowAutoRedirect = false,
            UseProxy = false,

            // Shared by every client in the process (and by downloads and probes): no cookie jar, so no caller's
            // session cookie is ever sent with another caller's request.
            UseCookies = false,
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context, policy, cancellationToken),
        };
        if (_certificateCheck is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = _certificateCheck;
        }

        return new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan };
    }

    private async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, ProbeAddressPolicy policy, CancellationToken cancellationToken)
    {
        var host = context.DnsEndPoint.Host;
        var addresses = await ResolveAsync(host, cancellationToken).ConfigureAwait(false);
        string? refusal = null;
        SocketException? lastFailure = null;
        foreach (var address in addresses)
        {
            if (ProbeAddressRules.Refusal(address, policy) is { } reason)
            {
                refusal ??= _describe(host, address, reason);
                continue;
            }

            var endPoint = new IPEndPoint(address, context.DnsEndPoint.Port);
            _connecting?.Invoke(endPoint);
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endPoint, cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException failure)
            {
                socket.Dispose();
                lastFailure = failure;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        if (lastFailure is not null)
        {
            throw lastFailure;
        }

        var url = context.InitialRequestMessage.RequestUri is { } uri ? UrlDisplay.Of(uri, markQuery: true) : host;
        throw new MediaProbeRefusedException(url, refusal ?? $"the host '{host}' has no address");
    }

    /// <summary>"169.254.169.254 is a cloud metadata address" or "the host 'x' resolves to 10.0.0.1, a private address".</summary>
    public static string Describe(string host, IPAddress address, string reason)
    {
        var literal = IPAddress.TryParse(host.Trim('[', ']'), out _);
        var what = literal ? $"{address} is {reason}" : $"the host '{host}' resolves to {address}, {reason}";
        return reason == "a loopback address"
            ? $"{what} (allowed only for URLs created with MediaInput.FromUrl(url, allowLoopbackHttp: true))"
            : $"{what} (set MediaValidationOptions.AllowPrivateAddresses to probe private networks)";
    }
}
