using RunComfy.Client.Wire;
using RunComfy.Downloads;

namespace RunComfy;

/// <summary>
/// One output's body, read as it arrives. Every read is bounded: more bytes than
/// <see cref="DownloadOptions.MaxBytesPerFile"/> or a server silent for <see cref="DownloadOptions.IdleTimeout"/>
/// ends it with a <see cref="RunComfyDownloadException"/>; so does a broken connection. Forward-only; dispose it to
/// close the connection.
/// </summary>
public sealed class RunComfyDownloadStream : Stream
{
    private readonly HttpResponseMessage _response;
    private readonly Stream _body;
    private readonly long _maxBytes;
    private readonly TimeSpan _idleTimeout;
    private long _read;

    internal RunComfyDownloadStream(Uri sourceUrl, HttpResponseMessage response, Stream body, long maxBytes, TimeSpan idleTimeout)
    {
        SourceUrl = sourceUrl;
        _response = response;
        _body = body;
        _maxBytes = maxBytes;
        _idleTimeout = idleTimeout;
    }

    /// <summary>The output URL (before any redirect).</summary>
    public Uri SourceUrl { get; }

    /// <summary>The media type the server declared (<c>image/png</c>), when it declared one.</summary>
    public string? ContentType => _response.Content.Headers.ContentType?.MediaType;

    /// <summary>The size the server declared (<c>Content-Length</c>), when it declared one; never over the cap.</summary>
    public long? DeclaredLength => _response.Content.Headers.ContentLength;

    /// <summary>The file name the server suggested (<c>Content-Disposition</c>), unsanitised: never use it as a path as is.</summary>
    internal string? SuggestedFileName =>
        _response.Content.Headers.ContentDisposition is { } disposition
            ? disposition.FileNameStar ?? disposition.FileName?.Trim('"')
            : null;

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _read;

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException("A download stream has no length; see DeclaredLength.");

    /// <inheritdoc/>
    public override long Position
    {
        get => _read;
        set => throw new NotSupportedException("A download stream cannot seek.");
    }

    /// <inheritdoc/>
    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // Each read gets the whole idle timeout: a slow but moving download goes on, a silent one stops.
        using var idle = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        idle.CancelAfter(_idleTimeout);
        int read;
        try
        {
            read = await _body.ReadAsync(buffer, idle.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw OutputDownloads.Stalled(SourceUrl, _idleTimeout, e);
        }
        catch (Exception e) when (e is IOException or HttpRequestException && cancellationToken.IsCancellationRequested)
        {
            // A connection torn down because the caller cancelled can surface as an I/O error: it is a cancellation.
            throw new OperationCanceledException("The download was cancelled.", e, cancellationToken);
        }
        catch (Exception e) when (e is IOException or HttpRequestException)
        {
            throw new RunComfyDownloadException(SourceUrl, $"Could not download {UrlDisplay.Of(SourceUrl)}: the connection broke: {e.Message}", innerException: e);
        }

        _read += read;
        if (_read > _maxBytes)
        {
            throw new RunComfyDownloadException(SourceUrl, $"{UrlDisplay.Of(SourceUrl)} is larger than the {_maxBytes:N0}-byte cap.");
        }

        return read;
    }

    /// <inheritdoc/>
    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    /// <inheritdoc/>
    /// <remarks>Blocks on <see cref="ReadAsync(Memory{byte}, CancellationToken)"/> so the idle timeout and the cap hold for synchronous readers too.</remarks>
    public override int Read(byte[] buffer, int offset, int count) =>
        ReadAsync(buffer.AsMemory(offset, count), CancellationToken.None).AsTask().GetAwaiter().GetResult();

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("A download stream cannot seek.");

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException("A download stream is read-only.");

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("A download stream is read-only.");

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _body.Dispose();
            _response.Dispose();
        }

        base.Dispose(disposing);
    }
}
