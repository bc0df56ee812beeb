namespace RunComfy.Cli.Downloads;

/// <summary>
/// Which URLs outputs may be downloaded from and how large a file may be. Only RunComfy's own hosts
/// (over HTTPS) are trusted by default, like the official CLI; the API the CLI talks to (the
/// emulator, or a base address the user chose) is added as one more exact origin.
/// </summary>
internal sealed class DownloadPolicy
{
    /// <summary>The official CLI's cap: 2 GiB a file.</summary>
    public const long DefaultMaxBytes = 2L * 1024 * 1024 * 1024;

    /// <summary>RunComfy's domains; a host must be one of them or a subdomain.</summary>
    public static IReadOnlyList<string> RunComfyDomains { get; } = ["runcomfy.net", "runcomfy.com"];

    private readonly List<Uri> _trustedOrigins;

    public DownloadPolicy(long maxBytes = DefaultMaxBytes, IEnumerable<Uri>? trustedOrigins = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxBytes);
        MaxBytes = maxBytes;
        _trustedOrigins = trustedOrigins?.ToList() ?? [];
    }

    /// <summary>The largest file accepted, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>Origins trusted besides RunComfy's domains (scheme, host and port must all match).</summary>
    public IReadOnlyList<Uri> TrustedOrigins => _trustedOrigins;

    /// <summary>Whether a file may be fetched from <paramref name="url"/>; when not, <paramref name="reason"/> says why.</summary>
    public bool IsAllowed(Uri url, out string reason)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (!url.IsAbsoluteUri)
        {
            reason = $"'{DownloadException.Shown(url)}' is not an absolute URL";
            return false;
        }

        foreach (var origin in _trustedOrigins)
        {
            if (string.Equals(url.Scheme, origin.Scheme, StringComparison.OrdinalIgnoreCase)
                && string.Equals(url.IdnHost, origin.IdnHost, StringComparison.OrdinalIgnoreCase)
                && url.Port == origin.Port)
            {
                reason = "";
                return true;
            }
        }

        if (url.Scheme != Uri.UriSchemeHttps)
        {
            reason = $"'{url.GetLeftPart(UriPartial.Authority)}' is not HTTPS";
            return false;
        }

        var host = url.IdnHost.TrimEnd('.').ToLowerInvariant();
        foreach (var domain in RunComfyDomains)
        {
            if (host == domain || host.EndsWith("." + domain, StringComparison.Ordinal))
            {
                reason = "";
                return true;
            }
        }

        reason = $"'{url.IdnHost}' is not a RunComfy host ({string.Join(", ", RunComfyDomains.Select(d => "*." + d))})";
        return false;
    }
}
