using System.Text;
using RunComfy.Media.Remote;

namespace RunComfy;

/// <summary>
/// Where outputs may be downloaded from and how: the allowed hosts, a size cap per file, an idle timeout, what to
/// do with a name already taken, and a file-name prefix. The defaults are the CLI's: RunComfy's own hosts over
/// HTTPS, 2 GiB a file, 60 s of silence at most, never overwrite.
/// </summary>
public sealed class DownloadOptions
{
    /// <summary>The official CLI's cap: 2 GiB a file.</summary>
    public const long DefaultMaxBytesPerFile = 2L * 1024 * 1024 * 1024;

    /// <summary>The longest <see cref="FileNamePrefix"/>, in UTF-8 bytes, so the whole name still fits its 200-byte cap.</summary>
    public const int MaxFileNamePrefixBytes = 64;

    /// <summary>RunComfy's domains, the default <see cref="AllowedHosts"/>.</summary>
    public static IReadOnlyList<string> RunComfyDomains { get; } = ["runcomfy.net", "runcomfy.com"];

    /// <summary>The default <see cref="IdleTimeout"/>: as long as one API call may take.</summary>
    public static TimeSpan DefaultIdleTimeout { get; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Domains files may come from over HTTPS: a URL's host must be one of them or a subdomain. Default: RunComfy's
    /// (<c>runcomfy.net</c>, <c>runcomfy.com</c>). Their addresses must be public unless
    /// <see cref="AllowPrivateAddresses"/> is set.
    /// </summary>
    public IList<string> AllowedHosts { get; } = [.. RunComfyDomains];

    /// <summary>
    /// Exact origins (scheme, host and port) trusted besides <see cref="AllowedHosts"/>, over HTTP too and on any
    /// address, loopback and private ones included: a local emulator, a gateway you run. Empty by default;
    /// <see cref="RunComfyClient.DownloadOutputsAsync"/> adds the client's own API address when it is not RunComfy's.
    /// </summary>
    public IList<Uri> TrustedOrigins { get; } = [];

    /// <summary>The largest file accepted, in bytes: a larger declared size is refused before reading, a body growing past it is stopped. Default 2 GiB.</summary>
    public long MaxBytesPerFile { get; set; } = DefaultMaxBytesPerFile;

    /// <summary>The most a server may stay silent (for the headers, or between two reads of the body) before the download is given up. Default 60 s.</summary>
    public TimeSpan IdleTimeout { get; set; } = DefaultIdleTimeout;

    /// <summary>What to do when a file name is already taken. Default <see cref="DownloadOverwrite.KeepBoth"/>.</summary>
    public DownloadOverwrite Overwrite { get; set; } = DownloadOverwrite.KeepBoth;

    /// <summary>Put before every file name (<c>"job-42-"</c>): no path separators or characters a file system rejects, at most 64 UTF-8 bytes.</summary>
    public string? FileNamePrefix { get; set; }

    /// <summary>
    /// Let <see cref="AllowedHosts"/> resolve to private, link-local, CGNAT, loopback or cloud metadata addresses.
    /// Default false: such an address is refused before any connection, and checked again where the connection is made.
    /// </summary>
    public bool AllowPrivateAddresses { get; set; }

    /// <summary>Resolves names and connects under the address rules (tests resolve made-up names).</summary>
    internal ProbeNetwork Network { get; init; } = Downloads.DownloadNetwork.Default;

    /// <summary>How a refusal says to trust an origin: these options' names, unless the caller's users set them another way (the CLI's <c>--trust-origin</c>).</summary>
    internal Downloads.DownloadTrustAdvice TrustAdvice { get; init; } = Downloads.DownloadTrustAdvice.Library;

    /// <summary>A copy with <paramref name="origin"/> added to <see cref="TrustedOrigins"/>.</summary>
    internal DownloadOptions WithTrustedOrigin(Uri origin)
    {
        var copy = new DownloadOptions
        {
            MaxBytesPerFile = MaxBytesPerFile,
            IdleTimeout = IdleTimeout,
            Overwrite = Overwrite,
            FileNamePrefix = FileNamePrefix,
            AllowPrivateAddresses = AllowPrivateAddresses,
            Network = Network,
            TrustAdvice = TrustAdvice,
        };
        copy.AllowedHosts.Clear();
        foreach (var host in AllowedHosts)
        {
            copy.AllowedHosts.Add(host);
        }

        foreach (var trusted in TrustedOrigins)
        {
            copy.TrustedOrigins.Add(trusted);
        }

        copy.TrustedOrigins.Add(origin);
        return copy;
    }

    /// <summary>Checks every option at once.</summary>
    /// <exception cref="ArgumentException">One or more options are out of range; the message names each and its rule.</exception>
    internal void Validate()
    {
        var problems = new List<string>();
        if (MaxBytesPerFile <= 0)
        {
            problems.Add($"{nameof(MaxBytesPerFile)} must be positive");
        }

        if (IdleTimeout <= TimeSpan.Zero || IdleTimeout == Timeout.InfiniteTimeSpan || IdleTimeout > TimeSpan.FromDays(1))
        {
            problems.Add($"{nameof(IdleTimeout)} must be positive and at most a day");
        }

        if (!Enum.IsDefined(Overwrite))
        {
            problems.Add($"{nameof(Overwrite)} must be KeepBoth, Replace or Fail");
        }

        foreach (var host in AllowedHosts)
        {
            if (string.IsNullOrWhiteSpace(host) || Uri.CheckHostName(host.TrimEnd('.')) == UriHostNameType.Unknown)
            {
                problems.Add($"{nameof(AllowedHosts)} must hold host names only (no scheme, port or path)");
                break;
            }
        }

        foreach (var origin in TrustedOrigins)
        {
            if (origin is null || !origin.IsAbsoluteUri || (origin.Scheme != Uri.UriSchemeHttps && origin.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"{nameof(TrustedOrigins)} must hold absolute http or https URLs");
                break;
            }
        }

        if (FileNamePrefix is { Length: > 0 } prefix
            && (Encoding.UTF8.GetByteCount(prefix) > MaxFileNamePrefixBytes || Downloads.DownloadFileName.Sanitize(prefix + "x", "-") != prefix + "x"))
        {
            problems.Add($"{nameof(FileNamePrefix)} must be at most {MaxFileNamePrefixBytes} UTF-8 bytes of characters allowed in a file name, not starting with a dot");
        }

        if (problems.Count > 0)
        {
            throw new ArgumentException($"Invalid download options: {string.Join("; ", problems)}.");
        }
    }
}
