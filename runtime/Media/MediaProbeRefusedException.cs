namespace RunComfy;

/// <summary>
/// A remote probe that was not made, or not followed further: a redirect to plain HTTP or to a host that is not
/// allowed, an address that is private, link-local, loopback or a cloud metadata endpoint (see
/// <see cref="MediaValidationOptions.AllowPrivateAddresses"/>), or too many redirects. Nothing was sent to the refused
/// address. Request validation turns it into a warning with rule <c>media</c>: the file may well be fine for RunComfy,
/// this machine just did not check it.
/// </summary>
public sealed class MediaProbeRefusedException : HttpRequestException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="url">The refused URL, already without its query (see <see cref="Url"/>).</param>
    /// <param name="reason">Why, in words a user can act on.</param>
    public MediaProbeRefusedException(string url, string reason)
        : base($"the probe did not fetch '{url}': {reason}")
    {
        Url = url;
        Reason = reason;
    }

    /// <summary>The refused URL, with its query replaced by <c>?...</c> (it may hold a signature).</summary>
    public string Url { get; }

    /// <summary>Why the URL was refused.</summary>
    public string Reason { get; }
}
