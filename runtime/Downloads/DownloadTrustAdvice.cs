namespace RunComfy.Downloads;

/// <summary>
/// How a refused download tells the reader to trust an origin, given as <c>scheme://host:port</c>. The library's
/// words name <see cref="DownloadOptions"/>; an application whose users cannot set those (the CLI) gives its own way.
/// </summary>
/// <param name="ForPlainHttp">The hint after "'http://x' is not HTTPS".</param>
/// <param name="ForRefusedAddress">The hint after "the host 'x' resolves to 10.0.0.1, a private address".</param>
internal sealed record DownloadTrustAdvice(Func<string, string> ForPlainHttp, Func<string, string> ForRefusedAddress)
{
    /// <summary>The library's words: the <see cref="DownloadOptions"/> properties to set.</summary>
    public static DownloadTrustAdvice Library { get; } = new(
        static _ => "an origin you trust, such as a local emulator, can be added to DownloadOptions.TrustedOrigins",
        static _ => "set DownloadOptions.AllowPrivateAddresses, or add the origin to DownloadOptions.TrustedOrigins, to download from it");

    /// <summary>
    /// <paramref name="reason"/> with the library's refused-address hint in its closing parentheses replaced by this
    /// advice's: the connect-time check is shared by every download, so it words its refusal with the library's.
    /// </summary>
    public string Reword(string reason, string origin)
    {
        var library = $" ({Library.ForRefusedAddress(origin)})";
        return ReferenceEquals(this, Library) || !reason.EndsWith(library, StringComparison.Ordinal)
            ? reason
            : $"{reason[..^library.Length]} ({ForRefusedAddress(origin)})";
    }
}
