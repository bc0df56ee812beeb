using RunComfy.Media.Wire;

namespace RunComfy;

/// <summary>
/// A media input (formats <c>image_uri</c>, <c>video_uri</c>, <c>audio_uri</c> and their <c>_uris</c>
/// arrays): an HTTPS URL the API fetches, a <c>data:</c> URI, or local content (a file, bytes, a stream) that
/// is sent inline as a <c>data:&lt;mime&gt;;base64,...</c> URI with the MIME type sniffed from its magic bytes.
/// Converts implicitly from a string or a <see cref="Uri"/>; strings never name local files (use
/// <see cref="FromFile"/>), so a URL taken from untrusted input cannot make the client read this machine's files.
/// </summary>
public sealed partial class MediaInput : IEquatable<MediaInput>
{
    private readonly string? _url;
    private readonly string? _filePath;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly string? _bytesOrigin;
    private readonly DataUri _dataUri;
    private readonly string? _dataUriError;
    private readonly bool _allowLoopbackHttp;

    private MediaInput(MediaInputKind kind, string? url = null, string? filePath = null, ReadOnlyMemory<byte> bytes = default, string? bytesOrigin = null, bool allowLoopbackHttp = false)
    {
        Kind = kind;
        _allowLoopbackHttp = allowLoopbackHttp;
        _url = url;
        _filePath = filePath;
        _bytes = bytes;
        _bytesOrigin = bytesOrigin;
        if (kind == MediaInputKind.DataUri && !DataUri.TryParse(url!, out _dataUri, out _dataUriError))
        {
            _dataUri = default;
        }
    }

    /// <summary>
    /// A media input from a URL: HTTPS, or a <c>data:</c> URI. A plain <c>http://</c> URL is refused by
    /// <see cref="Validate"/> (RunComfy fetches only HTTPS); see <see cref="FromUrl(string, bool)"/> for local tests.
    /// Never throws for a bad value: <see cref="Validate"/> reports it.
    /// </summary>
    public static MediaInput FromUrl(string url) => FromUrl(url, allowLoopbackHttp: false);

    /// <summary>
    /// A media input from a URL, as <see cref="FromUrl(string)"/>; with <paramref name="allowLoopbackHttp"/> a plain
    /// <c>http://</c> URL is accepted when its host is loopback (<c>127.0.0.1</c>, <c>[::1]</c>, <c>localhost</c>),
    /// for tests against the emulator or a local file server. HTTP to any other host is refused either way.
    /// </summary>
    /// <param name="url">The URL or <c>data:</c> URI.</param>
    /// <param name="allowLoopbackHttp">Accept <c>http://</c> for loopback hosts (never use it for URLs from users: the probe fetches them).</param>
    public static MediaInput FromUrl(string url, bool allowLoopbackHttp)
    {
        ArgumentNullException.ThrowIfNull(url);
        return DataUri.HasScheme(url)
            ? new MediaInput(MediaInputKind.DataUri, url)
            : new MediaInput(MediaInputKind.Url, url, allowLoopbackHttp: allowLoopbackHttp);
    }

    /// <summary>A media input from a URL (HTTPS, or a <c>data:</c> URI); see <see cref="FromUrl(string)"/>.</summary>
    public static MediaInput FromUri(Uri uri) => FromUri(uri, allowLoopbackHttp: false);

    /// <summary>A media input from a URL; see <see cref="FromUrl(string, bool)"/>.</summary>
    /// <param name="uri">The URL or <c>data:</c> URI.</param>
    /// <param name="allowLoopbackHttp">Accept <c>http://</c> for loopback hosts, for local tests only.</param>
    public static MediaInput FromUri(Uri uri, bool allowLoopbackHttp)
    {
        ArgumentNullException.ThrowIfNull(uri);
        return FromUrl(uri.OriginalString, allowLoopbackHttp);
    }

    /// <summary>
    /// A local file, sent inline as a <c>data:</c> URI. The file is read when the request is validated and
    /// again when it is written, never held in memory whole.
    /// </summary>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static MediaInput FromFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The media file '{fullPath}' does not exist.", fullPath);
        }

        return new MediaInput(MediaInputKind.File, filePath: fullPath);
    }

    /// <summary>
    /// Content in memory, sent inline as a <c>data:</c> URI. The memory is not copied: do not change it
    /// while the request is in use.
    /// </summary>
    public static MediaInput FromBytes(ReadOnlyMemory<byte> content) => new(MediaInputKind.Bytes, bytes: content, bytesOrigin: "in-memory");

    /// <summary>
    /// Reads a stream from its current position to its end and keeps a copy, sent inline as a <c>data:</c>
    /// URI. The stream is neither kept nor disposed.
    /// </summary>
    public static MediaInput FromStream(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        stream.CopyTo(copy);
        return new MediaInput(MediaInputKind.Bytes, bytes: copy.GetBuffer().AsMemory(0, (int)copy.Length), bytesOrigin: "stream");
    }

    /// <summary>
    /// Reads a stream from its current position to its end and keeps a copy, sent inline as a <c>data:</c>
    /// URI. The stream is neither kept nor disposed.
    /// </summary>
    public static async Task<MediaInput> FromStreamAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var copy = stream.CanSeek ? new MemoryStream(checked((int)Math.Max(0, stream.Length - stream.Position))) : new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken).ConfigureAwait(false);
        return new MediaInput(MediaInputKind.Bytes, bytes: copy.GetBuffer().AsMemory(0, (int)copy.Length), bytesOrigin: "stream");
    }

    /// <summary>Converts a URL string; see <see cref="FromUrl(string)"/> (plain HTTP is never allowed this way).</summary>
    public static implicit operator MediaInput(string url) => FromUrl(url);

    /// <summary>Converts a <see cref="Uri"/>; see <see cref="FromUri(Uri)"/> (plain HTTP is never allowed this way).</summary>
    public static implicit operator MediaInput(Uri uri) => FromUri(uri);

    /// <summary>Where the content comes from.</summary>
    public MediaInputKind Kind { get; }

    /// <summary>
    /// The URL or <c>data:</c> URI as given, or null for local content (a file or bytes), whose <c>data:</c> URI
    /// is built only while the request is written.
    /// </summary>
    public string? Url => _url;

    /// <summary>Whether a plain <c>http://</c> URL to a loopback host is accepted (see <see cref="FromUrl(string, bool)"/>).</summary>
    public bool AllowsLoopbackHttp => _allowLoopbackHttp;

    /// <summary>The full path of a local file, or null for other kinds.</summary>
    public string? FilePath => _filePath;

    internal ReadOnlyMemory<byte> Bytes => _bytes;

    internal DataUri ParsedDataUri => _dataUri;

    internal string? DataUriError => _dataUriError;

    /// <summary>True for content that this machine reads and sends inline (files, bytes, <c>data:</c> URIs).</summary>
    internal bool IsLocal => Kind != MediaInputKind.Url;

    /// <summary>
    /// How errors name this input: a file's path, a URL without its query (which may hold a signature), and
    /// never a data URI's content.
    /// </summary>
    internal string DisplayName => Kind switch
    {
        MediaInputKind.File => $"'{_filePath}'",
        MediaInputKind.Bytes => $"the {_bytesOrigin} content",
        MediaInputKind.DataUri => _dataUriError is null ? $"the data URI ({_dataUri.MimeType})" : "the data URI",
        _ => $"'{RedactUrl(_url!)}'",
    };

    /// <inheritdoc />
    public bool Equals(MediaInput? other) =>
        other is not null
        && other.Kind == Kind
        && Kind switch
        {
            MediaInputKind.File => string.Equals(_filePath, other._filePath, StringComparison.Ordinal),
            MediaInputKind.Bytes => _bytes.Span.SequenceEqual(other._bytes.Span),
            _ => string.Equals(_url, other._url, StringComparison.Ordinal),
        };

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as MediaInput);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Kind);
        switch (Kind)
        {
            case MediaInputKind.File:
                hash.Add(_filePath, StringComparer.Ordinal);
                break;
            case MediaInputKind.Bytes:
                hash.Add(_bytes.Length);
                hash.AddBytes(_bytes.Span[..Math.Min(_bytes.Length, 64)]);
                break;
            default:
                hash.Add(_url, StringComparer.Ordinal);
                break;
        }

        return hash.ToHashCode();
    }
}
