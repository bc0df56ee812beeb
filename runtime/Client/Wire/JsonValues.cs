using System.Globalization;
using System.Text.Json;

namespace RunComfy.Client.Wire;

/// <summary>
/// Lenient readers for wire fields: the official clients disagree on types, so a number may come as a
/// string and the reverse, and any field may be missing or null.
/// </summary>
internal static class JsonValues
{
    public static bool TryGet(JsonElement obj, string name, out JsonElement value)
    {
        if (obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out value) && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined))
        {
            return true;
        }

        value = default;
        return false;
    }

    /// <summary>A string, or a number/boolean as its JSON text; null when missing, null or structured.</summary>
    public static string? GetString(JsonElement obj, string name) =>
        TryGet(obj, name, out var value) ? AsString(value) : null;

    public static string? AsString(JsonElement value) => value.ValueKind switch
    {
        // A lone surrogate escape ("abc\ud800") cannot be decoded: its JSON text is kept, escapes visible.
        JsonValueKind.String => ServerText.JsonString(value),
        JsonValueKind.Number or JsonValueKind.True or JsonValueKind.False => value.GetRawText(),
        _ => null,
    };

    public static int? GetInt32(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            if (value.TryGetInt32(out var i))
            {
                return i;
            }

            return value.TryGetDouble(out var d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;
        }

        return value.ValueKind == JsonValueKind.String
               && double.TryParse(ServerText.JsonString(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
               && parsed is >= int.MinValue and <= int.MaxValue
            ? (int)parsed
            : null;
    }

    public static decimal? GetDecimal(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number)
        {
            return value.TryGetDecimal(out var d) ? d : null;
        }

        return value.ValueKind == JsonValueKind.String
               && decimal.TryParse(ServerText.JsonString(value), NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed)
            ? parsed
            : null;
    }

    /// <summary>An ISO 8601 string, or a Unix time number (seconds, or milliseconds when it is that large).</summary>
    public static DateTimeOffset? GetTime(JsonElement obj, string name)
    {
        if (!TryGet(obj, name, out var value))
        {
            return null;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetDouble(out var unix))
        {
            return FromUnix(unix);
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var text = ServerText.JsonString(value);
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed))
        {
            return parsed;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out unix) ? FromUnix(unix) : null;
    }

    private static DateTimeOffset? FromUnix(double unix)
    {
        // Above ~1e11 seconds is past the year 5000: the value must be in milliseconds.
        var milliseconds = unix > 1e11 ? unix : unix * 1000;
        return milliseconds is >= -62135596800000d and <= 253402300799999d
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds)
            : null;
    }
}
