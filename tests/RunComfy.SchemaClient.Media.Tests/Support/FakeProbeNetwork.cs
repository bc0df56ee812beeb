using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using RunComfy.Media.Remote;

namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>
/// The probe's network with made-up host names (resolved from a table, never by DNS), trust in one test certificate,
/// and a record of every connection attempt, so a test can prove that nothing was sent to a refused address.
/// </summary>
internal sealed class FakeProbeNetwork
{
    private readonly Dictionary<string, IPAddress[]> _names = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<IPEndPoint> _attempts = new();

    public FakeProbeNetwork(X509Certificate2? trusted = null)
    {
        Network = new ProbeNetwork(
            (host, _) => _names.TryGetValue(host, out var addresses)
                ? Task.FromResult(addresses)
                : Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)),
            trusted is null ? null : (_, certificate, _, _) => certificate?.GetCertHashString() == trusted.GetCertHashString(),
            _attempts.Enqueue);
    }

    public ProbeNetwork Network { get; }

    /// <summary>Every address a connection was attempted to, in order.</summary>
    public IReadOnlyList<IPEndPoint> Attempts => _attempts.ToList();

    public FakeProbeNetwork Name(string host, params string[] addresses)
    {
        _names[host] = addresses.Select(IPAddress.Parse).ToArray();
        return this;
    }

    public MediaValidationOptions Options(bool allowPrivateAddresses = false) =>
        new() { Network = Network, AllowPrivateAddresses = allowPrivateAddresses, Timeout = TimeSpan.FromSeconds(20) };
}
