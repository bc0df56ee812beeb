using System.Diagnostics;
using System.Net.Http;
using RunComfy.Client;
using RunComfy.Client.Transport;
using RunComfy.Client.Wire;
using RunComfy.Diagnostics;

namespace RunComfy;

public partial class RunComfyClient
{
    /// <summary>Reads a request's state and queue position (<c>GET /v1/requests/{id}/status</c>).</summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The state (<see cref="RunComfyRequestState.Unknown"/> with the raw string for a status this client does not know).</returns>
    /// <exception cref="RunComfyException">An error answer (e.g. 404001), or still failing after the retries.</exception>
    public virtual async Task<RequestStatus> GetStatusAsync(string requestId, CancellationToken cancellationToken = default)
    {
        RunComfyEndpoints.ValidateRequestId(requestId);
        var modelId = RunModel.ModelId;
        using var span = ClientSpans.Start(ClientSpans.GetStatus, modelId, requestId);
        try
        {
            var answer = await ReadAsync("status", requestId, HttpMethod.Get, _endpoints.Status(requestId), span, modelId, cancellationToken).ConfigureAwait(false);
            return StatusFrom(answer, requestId, span);
        }
        catch (Exception e) when (ClientSpans.Fail(span, e))
        {
            throw;
        }
    }

    /// <summary>The status a status answer holds (logged and tagged), or the typed error it is.</summary>
    private RequestStatus StatusFrom(WireAnswer answer, string requestId, Activity? span)
    {
        if (!answer.IsSuccess)
        {
            throw _errors.FromAnswer(answer, "status", requestId);
        }

        var status = WireParser.ReadStatus(answer.Root!.Value, requestId, answer.RetryAfter);
        ClientLog.StateRead(_logger, requestId, status.State, _transport.ForMessage(status.RawStatus), status.QueuePosition);
        TagStatus(span, status);
        return status;
    }

    /// <summary>
    /// Reads a request's result (<c>GET /v1/requests/{id}/result</c>): state, output, times, error and cost.
    /// Before the request finished this is a result that is not terminal, whether the API answers with the
    /// current state or with error 400005.
    /// </summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="includeCost">Ask for the cost (<c>include_cost=true</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RunComfyException">An error answer (e.g. 404001), or still failing after the retries.</exception>
    public virtual async Task<RequestResult> GetResultAsync(string requestId, bool includeCost = false, CancellationToken cancellationToken = default)
    {
        RunComfyEndpoints.ValidateRequestId(requestId);
        var modelId = RunModel.ModelId;
        using var span = ClientSpans.Start(ClientSpans.GetResult, modelId, requestId);
        try
        {
            var answer = await ReadAsync("result", requestId, HttpMethod.Get, _endpoints.Result(requestId, includeCost), span, modelId, cancellationToken).ConfigureAwait(false);
            if (answer.IsNotReady)
            {
                ClientSpans.TagState(span, RunComfyRequestState.InProgress, null);
                return new RequestResult { RequestId = requestId, State = RunComfyRequestState.InProgress };
            }

            if (!answer.IsSuccess)
            {
                throw _errors.FromAnswer(answer, "result", requestId);
            }

            var result = WireParser.ReadResult(answer.Root!.Value, requestId);
            ClientSpans.TagState(span, result.State, span is null ? null : _transport.ForMessage(result.RawStatus));
            return result;
        }
        catch (Exception e) when (ClientSpans.Fail(span, e))
        {
            throw;
        }
    }

    /// <summary>
    /// Cancels a request (<c>POST /v1/requests/{id}/cancel</c>). Only a queued request can be cancelled; a
    /// running one answers <see cref="CancelOutcome.NotCancellable"/> and runs on.
    /// </summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RunComfyException">An error answer (e.g. 404001), or still failing after the retries.</exception>
    public virtual async Task<CancelResult> CancelAsync(string requestId, CancellationToken cancellationToken = default)
    {
        RunComfyEndpoints.ValidateRequestId(requestId);
        var modelId = RunModel.ModelId;
        using var span = ClientSpans.Start(ClientSpans.Cancel, modelId, requestId);
        try
        {
            var answer = await ReadAsync("cancel", requestId, HttpMethod.Post, _endpoints.Cancel(requestId), span, modelId, cancellationToken).ConfigureAwait(false);
            if (!answer.IsSuccess)
            {
                throw _errors.FromAnswer(answer, "cancel", requestId);
            }

            var result = WireParser.ReadCancel(answer.Root!.Value, requestId);
            ClientLog.Cancelled(_logger, requestId, result.Outcome);
            ClientSpans.Tag(span, TelemetryTags.CancelOutcome, ClientSpans.OutcomeName(result.Outcome));
            return result;
        }
        catch (Exception e) when (ClientSpans.Fail(span, e))
        {
            throw;
        }
    }

    /// <summary>The state, the raw status when unknown (redacted and sanitised) and the queue position of a status answer.</summary>
    private void TagStatus(Activity? span, RequestStatus status)
    {
        if (span is not { IsAllDataRequested: true })
        {
            return;
        }

        ClientSpans.TagState(span, status.State, _transport.ForMessage(status.RawStatus));
        ClientSpans.Tag(span, TelemetryTags.QueuePosition, status.QueuePosition);
    }

    /// <summary>An idempotent call (repeating it changes nothing), so every transient failure is retried.</summary>
    private async Task<WireAnswer> ReadAsync(string operation, string requestId, HttpMethod method, Uri uri, Activity? span, string? modelId, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(isSubmit: false, operation, requestId, method, uri, body: null, new AttemptTracker(), span, modelId, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException e)
        {
            throw _errors.FromTransport(e, operation, requestId);
        }
    }
}
