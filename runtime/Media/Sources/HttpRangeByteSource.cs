using System.Net;
using RunComfy.Media.Remote;

namespace RunComfy.Media.Sources;

/// <summary>
/// A remote file read with ranged GETs: a first read of <see cref="MediaValidationOptions.InitialReadBytes"/>,
/// then a new range of <see cref="MediaValidationOptions.SeekReadBytes"/> wherever a parser jumps past the window
/// (a large JPEG segment is skipped, never downloaded), and doubling ranges only where it reads on contiguously.
/// A server that ignores <c>Range</c> is read as a stream and abandoned as soon as the header is known. Every
/// byte received counts against <see cref="MediaValidationOptions.MaxProbeBytes"/> and every request against
/// <see cref="MediaValidationOptions.MaxProbeRequests"/>; reaching either is a read limit, not a verdict on the file.
/// </summary>
internal sealed class HttpRangeByteSource : MediaByteSource
{
    private const int MaxRequestBytes = 1024 * 1024;

    private readonly ProbeSender _sender;
    private readonly MediaValidationOptions _options;

    private byte[] _window = [];
    private long _windowStart;
    private int _windowCount;
    private bool _windowReachesEnd;
    private long? _length;
    private long _lastRequestSize;

    // Set once the server has answered a range with the whole body (HTTP 200): from then on, read forward.
    private HttpResponseMessage? _streamResponse;
    private Stream? _stream;

    public HttpRangeByteSource(ProbeSender sender, MediaValidationOptions options)
    {
        _sender = sender;
        _options = options;
    }

    public override long? Length => _length;

    /// <summary>Body bytes received so far, over every request.</summary>
    public long BytesReceived { get; private set; }

    /// <summary>HTTP requests made so far, redirects followed included.</summary>
    public int RequestCount { get; private set; }

    private long WindowEnd => _windowStart + _windowCount;

    public override async ValueTask<ReadOnlyMemory<byte>> ReadAsync(long offset, int count, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        if (_length is { } length && offset >= length)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        if (RequestCount > 0 && offset >= _windowStart && (offset + count <= WindowEnd || (_windowReachesEnd && offset <= WindowEnd)))
        {
            return Slice(offset, count);
        }

        if (_stream is not null)
        {
            await ReadForwardAsync(offset, count, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            await FetchRangeAsync(offset, count, cancellationToken).ConfigureAwait(false);
        }

        return Slice(offset, count);
    }

    private ReadOnlyMemory<byte> Slice(long offset, int count)
    {
        if (offset < _windowStart || offset >= WindowEnd)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var start = (int)(offset - _windowStart);
        return _window.AsMemory(start, Math.Min(count, _windowCount - start));
    }

    private async Task FetchRangeAsync(long offset, int count, CancellationToken cancellationToken)
    {
        if (RequestCount >= _options.MaxProbeRequests)
        {
            throw new MediaFormatException(
                "media",
                $"the header was not found within {_options.MaxProbeRequests} range requests (MediaValidationOptions.MaxProbeRequests)",
                offset) { IsReadLimit = true };
        }

        var size = Math.Max(NextRequestSize(offset), count);
        if (_length is { } length)
        {
            size = Math.Min(size, length - offset);
        }

        size = Math.Min(size, RemainingBudget(offset, count));
        _lastRequestSize = size;

        var response = await _sender.SendAsync(HttpMethod.Get, offset, offset + size - 1, cancellationToken).ConfigureAwait(false);
        RequestCount = _sender.Requests;
        switch (response.StatusCode)
        {
            case HttpStatusCode.PartialContent:
                using (response)
                {
                    await ReadPartialAsync(response, offset, size, cancellationToken).ConfigureAwait(false);
                }

                break;

            case HttpStatusCode.OK:
                // The server ignores Range and sends the whole file: read it forward and stop early.
                _streamResponse = response;
                _length = response.Content.Headers.ContentLength ?? _length;
                _stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
                _windowStart = 0;
                _windowCount = 0;
                _windowReachesEnd = false;
                await ReadForwardAsync(offset, count, cancellationToken).ConfigureAwait(false);
                break;

            case HttpStatusCode.RequestedRangeNotSatisfiable:
                using (response)
                {
                    // Nothing at this offset: the file ends at or before it.
                    _length = response.Content.Headers.ContentRange?.Length ?? offset;
                    _windowStart = offset;
                    _windowCount = 0;
                    _windowReachesEnd = true;
                }

                break;

            default:
                using (response)
                {
                    throw MediaHttp.StatusError(response, "The server");
                }
        }
    }

    private long NextRequestSize(long offset)
    {
        if (RequestCount == 0)
        {
            return _options.InitialReadBytes;
        }

        if (offset == WindowEnd)
        {
            // Reading on where the last range stopped: the header is longer than thought, so grow.
            return Math.Min(_lastRequestSize * 2, MaxRequestBytes);
        }

        // A jump past skipped bytes: a small read at the target, always (MaxProbeRequests bounds how many).
        // Growing it would download the bodies of the very segments the jump skips.
        return _options.SeekReadBytes;
    }

    private long RemainingBudget(long offset, int count)
    {
        var remaining = _options.MaxProbeBytes - BytesReceived;
        if (remaining < count)
        {
            throw new MediaFormatException(
                "media",
                $"the header was not found within the first {_options.MaxProbeBytes} bytes read (MediaValidationOptions.MaxProbeBytes)",
                offset) { IsReadLimit = true };
        }

        return remaining;
    }

    private async Task ReadPartialAsync(HttpResponseMessage response, long offset, long size, CancellationToken cancellationToken)
    {
        var range = response.Content.Headers.ContentRange;
        var from = range?.From ?? offset;
        if (from != offset || (range?.To is { } to && to < offset))
        {
            throw new HttpRequestException($"The server answered bytes {from}-{range?.To} when asked for bytes from {offset}.");
        }

        _length = range?.Length ?? _length;

        // Never trust the server to stop: read at most what was asked for.
        var limit = (int)size;
        if (range?.To is { } last)
        {
            limit = (int)Math.Min(limit, last - from + 1);
        }

        EnsureWindowCapacity(limit);
        await using var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var filled = 0;
        while (filled < limit)
        {
            var read = await body.ReadAsync(_window.AsMemory(filled, limit - filled), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                break;
            }

            filled += read;
            Count(read, offset);
        }

        _windowStart = from;
        _windowCount = filled;
        _windowReachesEnd = filled < limit || (_length is { } length && from + filled >= length);
        if (_windowReachesEnd && _length is null)
        {
            _length = from + filled;
        }
    }

    private async Task ReadForwardAsync(long offset, int count, CancellationToken cancellationToken)
    {
        if (offset < _windowStart)
        {
            throw new InvalidOperationException("Header parsers read forward only.");
        }

        // Drop what lies before the offset; skip forward by reading (the server left no choice).
        if (offset >= WindowEnd)
        {
            var toSkip = offset - WindowEnd;
            _windowStart = WindowEnd;
            _windowCount = 0;
            EnsureWindowCapacity(Math.Max(count, 16 * 1024));
            while (toSkip > 0)
            {
                var read = await ReadStreamAsync((int)Math.Min(toSkip, _window.Length), 0, offset, cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    _length = _windowStart;
                    _windowReachesEnd = true;
                    return;
                }

                toSkip -= read;
                _windowStart += read;
            }
        }
        else
        {
            var keep = (int)(WindowEnd - offset);
            Buffer.BlockCopy(_window, (int)(offset - _windowStart), _window, 0, keep);
            _windowStart = offset;
            _windowCount = keep;
        }

        EnsureWindowCapacity(Math.Max(count, 16 * 1024), preserve: _windowCount);
        while (_windowCount < count)
        {
            var read = await ReadStreamAsync(_window.Length - _windowCount, _windowCount, offset, cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                _length = WindowEnd;
                _windowReachesEnd = true;
                return;
            }

            _windowCount += read;
        }
    }

    private async Task<int> ReadStreamAsync(int max, int at, long offset, CancellationToken cancellationToken)
    {
        var allowed = (int)Math.Min(max, RemainingBudget(offset, 1));
        var read = await _stream!.ReadAsync(_window.AsMemory(at, allowed), cancellationToken).ConfigureAwait(false);
        Count(read, offset);
        return read;
    }

    private void Count(int read, long offset)
    {
        BytesReceived += read;
        if (BytesReceived > _options.MaxProbeBytes)
        {
            RemainingBudget(offset, 1);
        }
    }

    private void EnsureWindowCapacity(long size, int preserve = 0)
    {
        if (_window.Length >= size)
        {
            return;
        }

        var bigger = new byte[size];
        Buffer.BlockCopy(_window, 0, bigger, 0, preserve);
        _window = bigger;
    }

    public override async ValueTask DisposeAsync()
    {
        if (_stream is not null)
        {
            await _stream.DisposeAsync().ConfigureAwait(false);
        }

        _streamResponse?.Dispose();
    }
}
