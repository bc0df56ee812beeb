namespace RunComfy;

/// <summary>Where the content of a <see cref="MediaInput"/> comes from.</summary>
public enum MediaInputKind
{
    /// <summary>A remote URL (HTTPS; plain HTTP only for loopback hosts) that RunComfy fetches itself.</summary>
    Url,

    /// <summary>A <c>data:</c> URI given as a string; sent as given.</summary>
    DataUri,

    /// <summary>A local file, read when the request is validated and written; sent as a <c>data:</c> URI.</summary>
    File,

    /// <summary>Bytes in memory (from <see cref="MediaInput.FromBytes"/> or a stream); sent as a <c>data:</c> URI.</summary>
    Bytes,
}
