namespace RunComfy.Media.Remote;

/// <summary>Which addresses one probe may connect to, beyond public unicast ones.</summary>
/// <param name="AllowLoopback">Loopback addresses: the media was created with <c>allowLoopbackHttp</c>, or private addresses are allowed.</param>
/// <param name="AllowPrivateAddresses"><see cref="MediaValidationOptions.AllowPrivateAddresses"/>: private, link-local, CGNAT, metadata and the like.</param>
internal readonly record struct ProbeAddressPolicy(bool AllowLoopback, bool AllowPrivateAddresses)
{
    /// <summary>The policy for probing <paramref name="media"/> with <paramref name="options"/>.</summary>
    public static ProbeAddressPolicy For(MediaInput media, MediaValidationOptions options) =>
        new(media.AllowsLoopbackHttp || options.AllowPrivateAddresses, options.AllowPrivateAddresses);
}
