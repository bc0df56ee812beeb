using System.Net;
using System.Net.Http;

namespace RunComfy.Client.Transport;

/// <summary>
/// The innermost handler of the <c>AddRunComfy</c> client (it wraps the primary handler). Handlers added to
/// the factory client (e.g. a standard resilience handler from <c>ConfigureHttpClientDefaults</c>) sit outside
/// it and may retry; a submit marked <see cref="SubmitSendOnce"/> passes here once only, because the API has no
/// idempotency key and a second send could run and bill twice. The exceptions are those the client itself
/// retries: a connection that never opened, or a 429. Status, result and cancel pass unchanged.
/// </summary>
internal sealed class SubmitResendGuardHandler : DelegatingHandler
{
    public SubmitResendGuardHandler(HttpMessageHandler inner)
        : base(inner)
    {
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (SubmitSendOnce.Of(request) is not { } mark)
        {
            return await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }

        if (!mark.TrySend())
        {
            throw new SubmitResendRefusedException();
        }

        HttpResponseMessage response;
        try
        {
            response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e) when (TransportErrorClassifier.Classify(e) == TransportFailure.NotSent)
        {
            mark.Release();
            throw;
        }

        if (response.StatusCode == HttpStatusCode.TooManyRequests)
        {
            mark.Release();
        }

        return response;
    }

    protected override HttpResponseMessage Send(HttpRequestMessage request, CancellationToken cancellationToken) =>
        SubmitSendOnce.Of(request) is not null
            ? throw new NotSupportedException("RunComfy submits are sent asynchronously only.")
            : base.Send(request, cancellationToken);
}
