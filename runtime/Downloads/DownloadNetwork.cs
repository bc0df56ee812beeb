using System.Net;
using RunComfy.Media.Remote;

namespace RunComfy.Downloads;

/// <summary>
/// The guarded connections downloads use: the media probes' <see cref="ProbeNetwork"/> (addresses checked where the
/// connection is made, no proxy, no automatic redirect, no decompression), with refusals worded for downloads.
/// </summary>
internal static class DownloadNetwork
{
    /// <summary>The system resolver; connection pools of its own, apart from the probes'.</summary>
    public static ProbeNetwork Default { get; } = Create(static (host, cancellationToken) => Dns.GetHostAddressesAsync(host, cancellationToken));

    /// <summary>A network over <paramref name="resolve"/> (tests resolve made-up names and watch every connection).</summary>
    public static ProbeNetwork Create(Func<string, CancellationToken, Task<IPAddress[]>> resolve, Action<IPEndPoint>? connecting = null) =>
        new(resolve, connecting: connecting, describe: Describe);

    /// <summary>"169.254.169.254 is a cloud metadata address (...)" or "the host 'x' resolves to 10.0.0.1, a private address (...)", with the library's hint.</summary>
    public static string Describe(string host, IPAddress address, string reason) =>
        Describe(host, address, reason, DownloadTrustAdvice.Library, host);

    /// <summary>The same, with <paramref name="advice"/>'s hint for <paramref name="origin"/>.</summary>
    public static string Describe(string host, IPAddress address, string reason, DownloadTrustAdvice advice, string origin)
    {
        var literal = IPAddress.TryParse(host.Trim('[', ']'), out _);
        var what = literal ? $"{address} is {reason}" : $"the host '{host}' resolves to {address}, {reason}";
        return $"{what} ({advice.ForRefusedAddress(origin)})";
    }
}
