using System.Net;
using System.Net.Http;

namespace RunComfy.Client.Transport;

/// <summary>The body of a submit, carrying its <see cref="SubmitSendOnce"/> mark so that a copied request message is still recognised.</summary>
internal sealed class SubmitContent : HttpContent
{
    private readonly ReadOnlyMemory<byte> _body;

    public SubmitContent(ReadOnlyMemory<byte> body, SubmitSendOnce sendOnce)
    {
        _body = body;
        SendOnce = sendOnce;
    }

    public SubmitSendOnce SendOnce { get; }

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.WriteAsync(_body, cancellationToken).AsTask();

    protected override void SerializeToStream(Stream stream, TransportContext? context, CancellationToken cancellationToken) =>
        stream.Write(_body.Span);

    protected override bool TryComputeLength(out long length)
    {
        length = _body.Length;
        return true;
    }
}
