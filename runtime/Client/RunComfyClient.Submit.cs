using System.Buffers;
using System.Diagnostics;
using System.Net.Http;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.RegularExpressions;
using RunComfy.Client;
using RunComfy.Client.Transport;
using RunComfy.Client.Wire;
using RunComfy.Diagnostics;

namespace RunComfy;

public partial class RunComfyClient
{
    private static readonly JsonWriterOptions BodyWriterOptions = new()
    {
        // The body goes to a JSON API, never into HTML: keep prompts readable and compact.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>
    /// Validates the request (every error at once, before any byte is sent) and submits it to
    /// <c>POST /v1/models/{model_id}</c>.
    /// </summary>
    /// <param name="request">A generated request (or any <see cref="IRunComfyRequest"/>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The request id and its status, result and cancel URLs.</returns>
    /// <exception cref="RequestValidationException">The request breaks its schema; nothing was sent.</exception>
    /// <exception cref="SubmitOutcomeUnknownException">The submit may have reached RunComfy but no usable answer came back; it was not sent again.</exception>
    /// <exception cref="RunComfyException">The API rejected the submit (4xx, or 200 with an <c>error_code</c>), or could not be reached at all.</exception>
    /// <exception cref="RunComfyCanceledException">Cancelled while the submit was in flight (<see cref="RunComfyCanceledException.SubmitOutcomeUnknown"/> is set).</exception>
    public virtual async Task<RequestHandle> SubmitAsync(IRunComfyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var modelId = request.ModelId;
        RunComfyEndpoints.ValidateModelId(modelId);
        using var span = ClientSpans.Start(ClientSpans.Submit, modelId, requestId: null);
        try
        {
            var handle = await SubmitCoreAsync(request, modelId, span, cancellationToken).ConfigureAwait(false);
            ClientSpans.Tag(span, TelemetryTags.RequestId, handle.RequestId);
            ClientMetrics.Add(ClientMetrics.JobsSubmitted, modelId);
            return handle;
        }
        catch (Exception e) when (ClientSpans.Fail(span, e))
        {
            throw;
        }
    }

    private async Task<RequestHandle> SubmitCoreAsync(IRunComfyRequest request, string modelId, Activity? span, CancellationToken cancellationToken)
    {
        var validation = await ValidateAsync(request, cancellationToken).ConfigureAwait(false);
        validation.ThrowIfInvalid(modelId);

        // Written once: every attempt sends the very same bytes.
        var body = WriteBody(request);
        ClientLog.Submitting(_logger, modelId);
        var submittedAt = _settings.Time.GetUtcNow();
        var tracker = new AttemptTracker();
        WireAnswer answer;
        try
        {
            answer = await SendAsync(isSubmit: true, "submit", null, HttpMethod.Post, _endpoints.Submit(modelId), body, tracker, span, modelId, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException e) when (e.Failure == TransportFailure.NotSent)
        {
            throw _errors.FromTransport(e, "submit", null);
        }
        catch (TransportException e)
        {
            throw OutcomeUnknown(modelId, TransportErrorClassifier.Describe(e.Failure), submittedAt, null, null, e);
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested && tracker.CancelledInFlight)
        {
            ClientLog.SubmitOutcomeUnknown(_logger, modelId, "cancelled while the submit was in flight");
            ClientMetrics.Add(ClientMetrics.SubmitsOutcomeUnknown, modelId);
            throw new RunComfyCanceledException(
                $"The submit to '{modelId}' was cancelled while in flight: the request may exist and be billed. "
                + "Check the requests on your RunComfy account before submitting the same input again.",
                cancellationToken,
                e)
            {
                SubmitOutcomeUnknown = true,
            };
        }
        catch (Exception e) when (e is not OperationCanceledException and not RunComfyException)
        {
            // Anything else once sending began (a handler's bug, an odd answer): the submit may have been taken.
            throw OutcomeUnknown(modelId, $"the send failed unexpectedly ({e.GetType().Name})", submittedAt, null, null, e);
        }

        return ReadSubmitAnswer(answer, modelId, submittedAt);
    }

    private RequestHandle ReadSubmitAnswer(WireAnswer answer, string modelId, DateTimeOffset submittedAt)
    {
        // From here on the server has answered 2xx or an error: nothing below may throw anything but a
        // definite rejection (4xx) or "outcome unknown", because a 2xx means the job may exist and be billed.
        if (answer.IsSuccess)
        {
            var root = answer.Root!.Value;
            return WireParser.ReadSubmitRequestId(root) switch
            {
                null => throw OutcomeUnknown(modelId, $"HTTP {answer.Status} without a request id", submittedAt, answer.Status, null, null),
                var id when !RequestIds.IsSafe(id, out var problem) => throw UnsafeId(id, problem),
                var id => Submitted(WireParser.ReadSubmit(root, id, modelId, _endpoints)),
            };
        }

        if (answer.IsUnreadable)
        {
            // The server took the job (2xx); if its id can still be read, the job is not lost.
            if (SalvageRequestId(answer.UnreadableBody) is { } requestId && RequestIds.IsSafe(requestId, out _))
            {
                ClientLog.SubmitAnswerSalvaged(_logger, modelId, requestId);
                return Submitted(new RequestHandle
                {
                    RequestId = requestId,
                    ModelId = modelId,
                    StatusUrl = _endpoints.Status(requestId),
                    ResultUrl = _endpoints.Result(requestId),
                    CancelUrl = _endpoints.Cancel(requestId),
                });
            }

            throw OutcomeUnknown(modelId, $"HTTP {answer.Status} with an answer that is not JSON", submittedAt, answer.Status, null, null);
        }

        // A 5xx (or a 2xx carrying a 5xx-class code) may come after the job was created.
        if (answer.EffectiveStatus >= 500)
        {
            var detail = _transport.ForMessage(answer.Error?.Message) is { Length: > 0 } message ? $": {message}" : "";
            throw OutcomeUnknown(modelId, $"HTTP {answer.Status}{(answer.Error?.Code is { } code ? $" error {code}" : "")}{detail}", submittedAt, answer.Status, answer.Error?.Code, null);
        }

        // 4xx, or a 2xx with a 4xx-class code: a definite rejection, nothing was queued.
        throw _errors.FromAnswer(answer, "submit", null);

        SubmitOutcomeUnknownException UnsafeId(string id, string problem) =>
            OutcomeUnknown(modelId, $"HTTP {answer.Status} with a request id that cannot be used safely, {RequestIds.Show(id)}: {problem}", submittedAt, answer.Status, null, null);

        RequestHandle Submitted(RequestHandle handle)
        {
            ClientLog.Submitted(_logger, handle.RequestId, modelId);
            return handle;
        }
    }

    private SubmitOutcomeUnknownException OutcomeUnknown(string modelId, string reason, DateTimeOffset submittedAt, int? status, string? errorCode, Exception? inner)
    {
        ClientLog.SubmitOutcomeUnknown(_logger, modelId, reason);
        ClientMetrics.Add(ClientMetrics.SubmitsOutcomeUnknown, modelId);
        return new SubmitOutcomeUnknownException(modelId, reason, status, errorCode, inner) { SubmittedAt = submittedAt };
    }

    private static ReadOnlyMemory<byte> WriteBody(IRunComfyRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer, BodyWriterOptions))
        {
            request.WriteJson(writer);
        }

        return buffer.WrittenMemory;
    }

    private static string? SalvageRequestId(string? body) =>
        body is not null && RequestIdPattern().Match(body) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex("\"request_id\"\\s*:\\s*\"([A-Za-z0-9._:-]{1,200})\"", RegexOptions.CultureInvariant)]
    private static partial Regex RequestIdPattern();
}
