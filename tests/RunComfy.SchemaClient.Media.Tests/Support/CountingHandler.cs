using System.Net;

namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>
/// Counts the response body bytes the client actually read. On loopback the server's own count is not that:
/// it can push megabytes into socket buffers before it notices the client left.
/// </summary>
internal sealed class CountingHandler(bool allowAutoRedirect = true)
    : DelegatingHandler(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, MaxResponseDrainSize = 0, AllowAutoRedirect = allowAutoRedirect })
{
    private long _bodyBytesRead;

    private int _requests;

    public long BodyBytesRead => Interlocked.Read(ref _bodyBytesRead);

    /// <summary>Requests sent through this handler (a redirect it follows itself is not counted again).</summary>
    public int Requests => Volatile.Read(ref _requests);

    public static (HttpClient Client, CountingHandler Handler) CreateClient(bool allowAutoRedirect = true)
    {
        var handler = new CountingHandler(allowAutoRedirect);
        return (new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }, handler);
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _requests);
        var response = await base.SendAsync(request, cancellationToken);
        var original = response.Content;
        var counted = new StreamContent(new CountingStream(await original.ReadAsStreamAsync(cancellationToken), this));
        foreach (var header in original.Headers)
        {
            counted.Headers.TryAddWithoutValidation(header.Key, header.Value);
        }

        response.Content = counted;
        return response;
    }

    private sealed class CountingStream(Stream inner, CountingHandler owner) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Count(int read)
        {
            Interlocked.Add(ref owner._bodyBytesRead, read);
            return read;
        }
    }
}
