using System.Net;

namespace RunComfy.SchemaClient.Cli.Tests.Infrastructure;

/// <summary>An HTTP handler that answers from a function and records what it was asked.</summary>
internal sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
{
    public List<HttpRequestMessage> Requests { get; } = [];

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Add(request);
        return Task.FromResult(answer(request));
    }

    public static HttpResponseMessage Bytes(byte[] body, string mediaType = "image/png", bool declareLength = true)
    {
        HttpContent content = declareLength
            ? new ByteArrayContent(body)
            : new StreamContent(new UnseekableStream(new MemoryStream(body)));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(mediaType);
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}

/// <summary>A read-only stream with no length, like a chunked HTTP body; optionally fails after some bytes.</summary>
internal sealed class UnseekableStream(Stream inner, long failAfter = long.MaxValue) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_read >= failAfter)
        {
            throw new IOException("connection reset (simulated)");
        }

        var n = inner.Read(buffer, offset, (int)Math.Min(count, Math.Max(1, failAfter - _read)));
        _read += n;
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
