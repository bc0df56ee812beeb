using RunComfy.Client.Wire;
using RunComfy.Media.Remote;

namespace RunComfy.Downloads;

/// <summary>
/// Which URLs a download may fetch (the first and every redirect hop): an exact trusted origin, on any address;
/// or HTTPS to an allowed domain or one of its subdomains, on public addresses only (the media probes'
/// <see cref="ProbeAddressRules"/>) unless private addresses are allowed.
/// </summary>
internal static class DownloadHostRules
{
    /// <summary>The address policy <paramref name="url"/> is fetched under, or null with <paramref name="reason"/> when it may not be fetched.</summary>
    public static ProbeAddressPolicy? Check(Uri url, DownloadOptions options, out string reason)
    {
        if (!url.IsAbsoluteUri)
        {
            reason = $"'{UrlDisplay.Of(url)}' is not an absolute URL";
            return null;
        }

        foreach (var origin in options.TrustedOrigins)
        {
            if (string.Equals(url.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(url.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
                && url.Port == origin.Port)
            {
                // The caller named this origin (the emulator, a gateway): its address is theirs to choose.
                reason = "";
                return new ProbeAddressPolicy(AllowLoopback: true, AllowPrivateAddresses: true);
            }
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            // Says how to trust it: RequestOutput's downloads meet this on a local emulator's http:// outputs.
            var origin = OriginOf(url);
            reason = $"'{origin}' is not HTTPS ({options.TrustAdvice.ForPlainHttp(origin)})";
            return null;
        }

        var host = url.IdnHost.TrimEnd('.').ToLowerInvariant();
        foreach (var allowed in options.AllowedHosts)
        {
            var domain = allowed.TrimEnd('.').ToLowerInvariant();
            if (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal))
            {
                reason = "";
                return new ProbeAddressPolicy(options.AllowPrivateAddresses, options.AllowPrivateAddresses);
            }
        }

        reason = IsDefault(options)
            ? $"'{url.IdnHost}' is not a RunComfy host ({string.Join(", ", DownloadOptions.RunComfyDomains.Select(d => "*." + d))})"
            : $"'{url.IdnHost}' is not an allowed host ({string.Join(", ", options.AllowedHosts.Select(d => "*." + d))})";
        return null;
    }

    /// <summary>The scheme, host and port of <paramref name="url"/>, as a trusted origin is given.</summary>
    public static string OriginOf(Uri url) => url.GetComponents(UriComponents.SchemeAndServer, UriFormat.UriEscaped);

    private static bool IsDefault(DownloadOptions options) =>
        options.AllowedHosts.Count == DownloadOptions.RunComfyDomains.Count
        && options.AllowedHosts.All(h => DownloadOptions.RunComfyDomains.Contains(h, StringComparer.OrdinalIgnoreCase));
}
