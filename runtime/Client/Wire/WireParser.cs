using System.Text.Json;

namespace RunComfy.Client.Wire;

/// <summary>Turns successful answers into the public types, accepting every form WIRE.md lists.</summary>
internal static class WireParser
{
    /// <summary>The request id of a submit answer, as sent (check it with <see cref="RequestIds.IsSafe"/>); null when it holds none.</summary>
    public static string? ReadSubmitRequestId(JsonElement root) =>
        JsonValues.GetString(root, "request_id") is { } id && !string.IsNullOrWhiteSpace(id) ? id : null;

    /// <summary>The submit answer, for a request id already read and checked.</summary>
    public static RequestHandle ReadSubmit(JsonElement root, string requestId, string modelId, RunComfyEndpoints endpoints)
    {
        return new RequestHandle
        {
            RequestId = requestId,
            ModelId = modelId,
            StatusUrl = ReadUrl(root, "status_url") ?? endpoints.Status(requestId),
            ResultUrl = ReadUrl(root, "result_url") ?? endpoints.Result(requestId),
            CancelUrl = ReadUrl(root, "cancel_url") ?? endpoints.Cancel(requestId),
        };
    }

    public static RequestStatus ReadStatus(JsonElement root, string requestId, TimeSpan? retryAfter)
    {
        var raw = JsonValues.GetString(root, "status");
        var state = RequestStateParser.Parse(raw);
        return new RequestStatus
        {
            // The id asked about, not the one the answer names: a server must not redirect later calls.
            RequestId = requestId,
            State = state,
            RawStatus = raw,
            QueuePosition = JsonValues.GetInt32(root, "queue_position"),
            RetryAfter = retryAfter,
        };
    }

    public static RequestResult ReadResult(JsonElement root, string requestId)
    {
        var raw = JsonValues.GetString(root, "status");
        var output = JsonValues.TryGet(root, "output", out var o) ? ReadOutput(o) : RequestOutput.Empty;
        var state = RequestStateParser.Parse(raw);

        // No status but an output: the answer can only be a finished request.
        if (raw is null && output.AllUrls.Count > 0)
        {
            state = RunComfyRequestState.Completed;
        }

        return new RequestResult
        {
            RequestId = requestId,
            State = state,
            RawStatus = raw,
            ModelId = JsonValues.GetString(root, "model_id"),
            Output = output,
            CreatedAt = JsonValues.GetTime(root, "created_at"),
            FinishedAt = JsonValues.GetTime(root, "finished_at") ?? JsonValues.GetTime(root, "completed_at"),
            Error = ReadError(root),
            Cost = JsonValues.GetDecimal(root, "cost"),
            RawJson = root.GetRawText(),
        };
    }

    public static CancelResult ReadCancel(JsonElement root, string requestId)
    {
        var rawOutcome = JsonValues.GetString(root, "outcome");
        var rawStatus = JsonValues.GetString(root, "status");
        var outcome = rawOutcome?.Trim().ToLowerInvariant() switch
        {
            "cancelled" or "canceled" => CancelOutcome.Cancelled,
            "not_cancellable" or "not_cancelable" => CancelOutcome.NotCancellable,
            "cancellation_requested" => CancelOutcome.CancellationRequested,
            _ => CancelOutcome.Unknown,
        };

        // Without an outcome, a cancelled status says it all.
        if (rawOutcome is null && RequestStateParser.Parse(rawStatus) == RunComfyRequestState.Cancelled)
        {
            outcome = CancelOutcome.Cancelled;
        }

        return new CancelResult
        {
            RequestId = requestId,
            Outcome = outcome,
            RawOutcome = rawOutcome,
            State = RequestStateParser.Parse(rawStatus),
            RawStatus = rawStatus,
        };
    }

    public static RequestOutput ReadOutput(JsonElement output)
    {
        if (output.ValueKind != JsonValueKind.Object)
        {
            var urls = CollectUrls(output);
            return new RequestOutput { AllUrls = urls, RawJson = output.GetRawText() };
        }

        var images = ReadUrls(output, "images");
        var videos = ReadUrls(output, "videos");
        return new RequestOutput
        {
            Image = ReadUrls(output, "image").FirstOrDefault(),
            Images = images,
            Video = ReadUrls(output, "video").FirstOrDefault(),
            Videos = videos,
            Audio = ReadUrls(output, "audio").FirstOrDefault(),
            AllUrls = CollectUrls(output),
            RawJson = output.GetRawText(),
        };
    }

    private static RequestError? ReadError(JsonElement root)
    {
        if (!JsonValues.TryGet(root, "error", out var error))
        {
            return null;
        }

        return error.ValueKind == JsonValueKind.Object
            ? new RequestError
            {
                Message = JsonValues.GetString(error, "message") ?? JsonValues.GetString(error, "error_message") ?? JsonValues.GetString(error, "detail") ?? error.GetRawText(),
                Code = JsonValues.GetString(error, "code") ?? JsonValues.GetString(error, "error_code"),
                RawJson = error.GetRawText(),
            }
            : new RequestError { Message = JsonValues.AsString(error) ?? error.GetRawText(), RawJson = error.GetRawText() };
    }

    /// <summary>A key's URLs: a string, an array of strings, or objects with a <c>url</c>.</summary>
    private static List<Uri> ReadUrls(JsonElement obj, string name)
    {
        var urls = new List<Uri>();
        if (JsonValues.TryGet(obj, name, out var value))
        {
            AddUrls(value, urls, recurse: false);
        }

        return urls;
    }

    private static List<Uri> CollectUrls(JsonElement value)
    {
        var urls = new List<Uri>();
        AddUrls(value, urls, recurse: true);
        return urls.Distinct().ToList();
    }

    private static void AddUrls(JsonElement value, List<Uri> urls, bool recurse)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                if (TryUrl(ServerText.JsonString(value), out var url))
                {
                    urls.Add(url);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                {
                    AddUrls(item, urls, recurse);
                }

                break;
            case JsonValueKind.Object when recurse:
                foreach (var property in value.EnumerateObject())
                {
                    AddUrls(property.Value, urls, recurse);
                }

                break;
            case JsonValueKind.Object:
                if (JsonValues.TryGet(value, "url", out var inner))
                {
                    AddUrls(inner, urls, recurse: false);
                }

                break;
        }
    }

    private static Uri? ReadUrl(JsonElement obj, string name) =>
        TryUrl(JsonValues.GetString(obj, name), out var url) ? url : null;

    private static bool TryUrl(string? text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Uri? url)
    {
        url = null;
        return !string.IsNullOrWhiteSpace(text)
               && Uri.TryCreate(text.Trim(), UriKind.Absolute, out url)
               && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp);
    }
}
