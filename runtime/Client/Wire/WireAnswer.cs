using System.Text.Json;

namespace RunComfy.Client.Wire;

/// <summary>What one HTTP attempt got back, read once: status, <c>Retry-After</c>, the JSON root and any error body.</summary>
internal sealed class WireAnswer
{
    private WireAnswer(int status, string? reason, TimeSpan? retryAfter, JsonElement? root, WireError? error, string? bodyExcerpt, string? unreadableBody)
    {
        UnreadableBody = unreadableBody;
        Status = status;
        ReasonPhrase = reason;
        RetryAfter = retryAfter;
        Root = root;
        Error = error;
        BodyExcerpt = bodyExcerpt;
    }

    public int Status { get; }

    public string? ReasonPhrase { get; }

    public TimeSpan? RetryAfter { get; }

    /// <summary>The body's JSON object; null when the body was empty, not JSON, or not an object.</summary>
    public JsonElement? Root { get; }

    /// <summary>The error the body describes: any <c>error_code</c>, or for non-2xx answers a message or <c>detail</c>.</summary>
    public WireError? Error { get; }

    /// <summary>The start of a body that could not be read as JSON, for messages; never the request.</summary>
    public string? BodyExcerpt { get; }

    /// <summary>The whole body as text when it could not be read as a JSON object (to salvage a request id from).</summary>
    public string? UnreadableBody { get; }

    public bool IsSuccessStatus => Status is >= 200 and < 300;

    /// <summary>A 2xx answer whose body is not a JSON object (garbled, truncated, HTML).</summary>
    public bool IsUnreadable => IsSuccessStatus && Root is null;

    /// <summary>The answer is "result not ready" (400005), whatever the HTTP status.</summary>
    public bool IsNotReady => Error?.Code == RunComfyErrorCodes.ResultNotReady;

    /// <summary>2xx, a JSON object, no <c>error_code</c>.</summary>
    public bool IsSuccess => IsSuccessStatus && Root is not null && Error is null;

    /// <summary>The HTTP status that describes the answer: the <c>error_code</c>'s class for a 2xx carrying an error.</summary>
    public int EffectiveStatus => IsSuccessStatus && Error?.CodeClass is int codeClass ? codeClass : Status;

    /// <summary>Rate limited: HTTP 429, or a 2xx carrying a 429xxx code.</summary>
    public bool IsRateLimited => EffectiveStatus == 429;

    /// <summary>Worth another try for an idempotent call: 408, 429, 5xx (also as a code class), or an unreadable 2xx.</summary>
    public bool IsTransient => IsUnreadable || (!IsSuccess && !IsNotReady && EffectiveStatus is 408 or 429 or >= 500);

    /// <summary>
    /// Reads one answer. Every string that came from the server (the reason phrase, the JSON's strings, an
    /// unreadable body) has <paramref name="secret"/> redacted here, whole and before any cut, so nothing
    /// read from the answer later can carry it.
    /// </summary>
    public static WireAnswer Read(int status, string? reason, TimeSpan? retryAfter, ReadOnlyMemory<byte> body, string? secret)
    {
        JsonElement? root = null;
        string? excerpt = null;
        string? unreadable = null;
        if (!body.IsEmpty)
        {
            try
            {
                using var document = JsonDocument.Parse(body, new JsonDocumentOptions { AllowTrailingCommas = true, MaxDepth = 64 });
                if (document.RootElement.ValueKind == JsonValueKind.Object)
                {
                    // A copy (the answer outlives the pooled document), with the secret taken out of every string.
                    var element = document.RootElement;
                    root = (ServerText.MayHold(body.Span, secret) ? ServerText.RedactJson(element, secret) : element).Clone();
                }
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException)
            {
                // Not JSON, invalid UTF-8, or names the runtime cannot decode: unreadable.
                root = null;
            }

            if (root is null)
            {
                // Redacted whole, then cut: a secret crossing the cut cannot keep its first part.
                unreadable = ServerText.Redact(System.Text.Encoding.UTF8.GetString(body.Span), secret);
                excerpt = ServerText.ForMessage(ServerText.DecodeJsonEscapes(unreadable!), secret);
            }
        }

        var isSuccessStatus = status is >= 200 and < 300;
        var error = root is { } r ? WireError.TryRead(r, requireCode: isSuccessStatus) : null;
        return new WireAnswer(status, ServerText.ForMessage(reason, secret, 100), retryAfter, root, error, excerpt, unreadable);
    }
}
