using System.Text.Json;

namespace RunComfy.Client.Wire;

/// <summary>An error body: <c>{"error_code", "error_message" | "message", "detail"?}</c>, read leniently.</summary>
internal sealed record WireError(string? Code, string? Message, string? DetailJson, IReadOnlyList<RunComfyFieldError> FieldErrors)
{
    /// <summary>The HTTP-like class of a six-digit code (400005 -> 400), or null when the code is not numeric.</summary>
    public int? CodeClass => Code is { Length: 6 } && int.TryParse(Code, out var n) ? n / 1000 : null;

    /// <summary>Reads an error from a JSON object; <paramref name="requireCode"/> demands an <c>error_code</c> (for 2xx answers).</summary>
    public static WireError? TryRead(JsonElement root, bool requireCode)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var code = JsonValues.GetString(root, "error_code");
        if (requireCode && string.IsNullOrWhiteSpace(code))
        {
            return null;
        }

        var message = JsonValues.GetString(root, "error_message") ?? JsonValues.GetString(root, "message");
        if (message is null && JsonValues.TryGet(root, "error", out var error))
        {
            message = error.ValueKind == JsonValueKind.Object
                ? JsonValues.GetString(error, "message") ?? JsonValues.GetString(error, "error_message")
                : JsonValues.AsString(error);
        }

        string? detailJson = null;
        IReadOnlyList<RunComfyFieldError> fields = [];
        if (JsonValues.TryGet(root, "detail", out var detail))
        {
            detailJson = detail.GetRawText();
            fields = ReadFieldErrors(detail);
            if (message is null && detail.ValueKind == JsonValueKind.String)
            {
                message = ServerText.JsonString(detail);
            }
        }

        if (code is null && message is null && detailJson is null)
        {
            return null;
        }

        // A code is six digits when the server behaves; anything else is shown cleaned and short.
        return new WireError(string.IsNullOrWhiteSpace(code) ? null : ServerText.ForMessage(code, null, 32), message, detailJson, fields);
    }

    private static IReadOnlyList<RunComfyFieldError> ReadFieldErrors(JsonElement detail)
    {
        var items = detail.ValueKind switch
        {
            JsonValueKind.Array => detail.EnumerateArray().ToList(),
            JsonValueKind.Object => [detail],
            _ => [],
        };

        var errors = new List<RunComfyFieldError>();
        foreach (var item in items)
        {
            if (item.ValueKind == JsonValueKind.String)
            {
                errors.Add(new RunComfyFieldError("", ServerText.JsonString(item), null));
                continue;
            }

            if (item.ValueKind != JsonValueKind.Object)
            {
                continue;
            }

            var message = JsonValues.GetString(item, "msg") ?? JsonValues.GetString(item, "message") ?? JsonValues.GetString(item, "error");
            var field = ReadField(item);
            if (message is null && field.Length == 0)
            {
                continue;
            }

            errors.Add(new RunComfyFieldError(field, message ?? "", JsonValues.GetString(item, "type")));
        }

        return errors;
    }

    private static string ReadField(JsonElement item)
    {
        if (JsonValues.TryGet(item, "loc", out var loc) && loc.ValueKind == JsonValueKind.Array)
        {
            // FastAPI style: ["body", "prompt"] or ["body", "images", 3]; "body" says where, not what.
            var parts = loc.EnumerateArray().Select(JsonValues.AsString).Where(p => p is not null).Cast<string>().ToList();
            if (parts.Count > 1 && parts[0] is "body" or "query" or "path")
            {
                parts.RemoveAt(0);
            }

            return string.Join('.', parts);
        }

        return JsonValues.GetString(item, "field") ?? JsonValues.GetString(item, "param") ?? JsonValues.GetString(item, "name") ?? "";
    }
}
