using System.Text.Json;

namespace RunComfy;

/// <summary>
/// A media input (formats <c>image_uri</c>, <c>video_uri</c>, <c>audio_uri</c> and their <c>_uris</c>
/// arrays): an HTTPS URL the API fetches, or inline content sent as a <c>data:</c> URI.
/// Converts implicitly from a string or a <see cref="Uri"/>.
/// </summary>
public sealed class MediaInput : IEquatable<MediaInput>
{
    private readonly string _url;

    private MediaInput(string url) => _url = url;

    /// <summary>A media input from a URL (HTTPS, or a <c>data:</c> URI).</summary>
    public static MediaInput FromUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        return new MediaInput(url);
    }

    /// <summary>A media input from a URL (HTTPS, or a <c>data:</c> URI).</summary>
    public static MediaInput FromUri(Uri uri)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return new MediaInput(uri.OriginalString);
    }

    /// <summary>Converts a URL string.</summary>
    public static implicit operator MediaInput(string url) => FromUrl(url);

    /// <summary>Converts a <see cref="Uri"/>.</summary>
    public static implicit operator MediaInput(Uri uri) => FromUri(uri);

    /// <summary>The URL as given.</summary>
    public string Url => _url;

    /// <summary>
    /// Checks what can be checked without I/O (the value is an absolute HTTPS or <c>data:</c> URI);
    /// called by generated <c>Validate()</c> code.
    /// </summary>
    public void Validate(string path, ICollection<ValidationError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (_url.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            return;
        }

        if (!Uri.TryCreate(_url, UriKind.Absolute, out var uri))
        {
            errors.Add(new ValidationError(path, "format", $"'{_url}' is not an absolute URL."));
        }
        else if (uri.Scheme != Uri.UriSchemeHttps && !(uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            errors.Add(new ValidationError(path, "format", $"'{_url}' is not an HTTPS URL; RunComfy fetches media only over HTTPS."));
        }
    }

    /// <summary>Writes the wire value (the URL, or a <c>data:</c> URI) as a JSON string; called by generated code.</summary>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(_url);
    }

    /// <inheritdoc />
    public bool Equals(MediaInput? other) => other is not null && string.Equals(_url, other._url, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MediaInput);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(_url);

    /// <inheritdoc />
    public override string ToString() => _url;
}
