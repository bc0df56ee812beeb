namespace RunComfy;

/// <summary>
/// How <see cref="RequestMediaValidation.ValidateAsync"/> and <see cref="MediaInput.ReadMetadataAsync"/> read media.
/// Local files, bytes and <c>data:</c> URIs are always checked; these options govern mostly remote URLs.
/// </summary>
public sealed class MediaValidationOptions
{
    /// <summary>The options used when none are given.</summary>
    public static MediaValidationOptions Default { get; } = new();

    /// <summary>
    /// Whether remote URLs are probed (a <c>HEAD</c> or a few small ranged <c>GET</c>s) to check their
    /// <c>validations</c> rules before the request is sent. Default <see langword="true"/>: RunComfy rejects a
    /// bad file only after the job was queued, and a probe costs one round trip and usually a few kilobytes.
    /// Turn it off when URLs come from untrusted users (the probe is made from your network), when URLs are
    /// single-use, or when this machine cannot reach the hosts RunComfy can.
    /// </summary>
    public bool ProbeRemoteUrls { get; init; } = true;

    /// <summary>Time allowed to probe one remote URL, all its requests included. Default 10 seconds.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The most bytes read from one remote URL. A header not found within them gives a warning (the file could not
    /// be checked); this bounds what a hostile or huge file can cost. Default 4 MiB.
    /// </summary>
    public long MaxProbeBytes { get; init; } = 4 * 1024 * 1024;

    /// <summary>
    /// The most HTTP requests made to read one remote image's header. A JPEG whose frame header sits after many
    /// large segments costs one small ranged read per segment; this bounds the round trips a hostile file (an
    /// endless run of segments) can cost. A header not reached within them gives a warning. Default 128.
    /// </summary>
    public int MaxProbeRequests { get; init; } = 128;

    /// <summary>The size of the first ranged read of a remote image. Default 64 KiB, which holds the whole header of most images.</summary>
    public int InitialReadBytes { get; init; } = 64 * 1024;

    /// <summary>
    /// The size of a ranged read that jumps forward (past a large JPEG segment that is skipped, not downloaded).
    /// Every jump reads this much, never more; only reads that continue where the last one stopped grow.
    /// Default 16 KiB.
    /// </summary>
    public int SeekReadBytes { get; init; } = 16 * 1024;

    /// <summary>How many media inputs are read at once (remote probes, files, data URIs). Default 10.</summary>
    public int MaxConcurrency { get; init; } = 10;

    /// <summary>
    /// Whether probes may connect to private (10/8, 172.16/12, 192.168/16, fc00::/7), link-local (169.254/16, fe80::/10),
    /// cloud metadata (169.254.169.254, fd00:ec2::254), unspecified, CGNAT (100.64/10), multicast, reserved and loopback
    /// addresses. Default <see langword="false"/>: a URL, or a redirect, that leads there is not fetched and gives a
    /// warning, so a URL from untrusted input cannot make the probe reach this network's own services. Set it when
    /// your media really lives on a private network.
    /// </summary>
    public bool AllowPrivateAddresses { get; init; }

    /// <summary>
    /// The client used for probes. Default: shared clients that check every address where they connect, follow no
    /// redirect by themselves (the probe follows them, checking each hop), use no proxy, and neither decompress nor
    /// drain a response they stop reading. A client of your own should set
    /// <see cref="System.Net.Http.SocketsHttpHandler.AllowAutoRedirect"/> = false and
    /// <see cref="System.Net.Http.SocketsHttpHandler.MaxResponseDrainSize"/> = 0; the probe then checks each hop's
    /// resolved addresses before sending, but cannot close the gap between that check and your client's own lookup.
    /// </summary>
    public HttpClient? HttpClient { get; init; }

    /// <summary>Name resolution and the default clients (tests replace it to resolve made-up names).</summary>
    internal Media.Remote.ProbeNetwork Network { get; init; } = Media.Remote.ProbeNetwork.Default;

    internal void ThrowIfInvalid()
    {
        if (Timeout <= TimeSpan.Zero && Timeout != System.Threading.Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(Timeout), Timeout, "The probe timeout must be positive.");
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(MaxProbeBytes, 64, nameof(MaxProbeBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(InitialReadBytes, 64, nameof(InitialReadBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(SeekReadBytes, 64, nameof(SeekReadBytes));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxConcurrency, 1, nameof(MaxConcurrency));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxProbeRequests, 1, nameof(MaxProbeRequests));
    }
}
