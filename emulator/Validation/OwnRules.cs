using System.Globalization;
using Newtonsoft.Json.Linq;

namespace RunComfy.Emulator.Validation;

/// <summary>
/// The rules the emulator checks itself, walking the raw schema and the body together:
/// <c>maxLength</c>/<c>minLength</c> in Unicode code points (an emoji is one), <c>pattern</c> as ECMA 262
/// reads it (under the submission's time budget), media URI formats, and the <c>validations</c> media rules
/// (on a string, or on each item of an array).
/// </summary>
internal static class OwnRules
{
    private static readonly string[] MediaFormats = ["image_uri", "video_uri", "audio_uri"];
    private static readonly string[] MediaListFormats = ["image_uris", "video_uris", "audio_uris"];

    public static void Check(JObject schema, JToken instance, FieldPath path, IMediaSource? media, PatternChecker patterns, List<InputError> errors)
    {
        if (instance is JValue { Type: JTokenType.String } text)
        {
            var value = (string)text!;
            CheckLength(schema, value, path, errors);
            if ((schema["pattern"] as JValue)?.Value is string pattern) patterns.Check(pattern, value, path, errors);
            if (IsMediaFormat(schema, MediaFormats)) CheckMediaUri(value, path, errors);
        }
        if (instance is JArray list && IsMediaFormat(schema, MediaListFormats))
        {
            for (var i = 0; i < list.Count; i++)
                if (list[i] is JValue { Type: JTokenType.String } item) CheckMediaUri((string)item!, path.Item(i), errors);
        }

        var rules = MediaRuleSpec.ReadFrom(schema);
        if (rules.Count > 0 && media is not null) CheckMedia(instance, path, rules, media, errors);

        if (instance is JObject body && schema["properties"] is JObject properties)
        {
            foreach (var property in properties.Properties())
                if (property.Value is JObject child && body[property.Name] is { } value) Check(child, value, path.Property(property.Name), media, patterns, errors);
        }
        if (instance is JArray array)
        {
            for (var i = 0; i < array.Count; i++)
            {
                var itemSchema = schema["items"] switch
                {
                    JObject single => single,
                    JArray tuple when i < tuple.Count => tuple[i] as JObject,
                    _ => null,
                };
                if (itemSchema is not null) Check(itemSchema, array[i], path.Item(i), media, patterns, errors);
            }
        }
    }

    private static void CheckLength(JObject schema, string value, FieldPath path, List<InputError> errors)
    {
        var max = ReadCount(schema["maxLength"]);
        var min = ReadCount(schema["minLength"]);
        if (max is null && min is null) return;
        var length = CountCodePoints(value);
        if (max is { } maxLength && length > maxLength)
            errors.Add(new InputError(path, "maxLength", $"The text is {length} characters long; at most {maxLength} are allowed."));
        if (min is { } minLength && length < minLength)
            errors.Add(new InputError(path, "minLength", $"The text is {length} characters long; at least {minLength} are required."));
    }

    /// <summary>Unicode code points, not UTF-16 units: "😀" is 1, as the client counts.</summary>
    public static int CountCodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes()) count++;
        return count;
    }

    // Schemas in the wild write lengths as 600 or 600.0.
    private static long? ReadCount(JToken? token) => token switch
    {
        JValue { Type: JTokenType.Integer } integer => integer.Value<long>(),
        JValue { Type: JTokenType.Float } number => (long)Math.Floor(number.Value<double>()),
        JValue { Type: JTokenType.String } text when double.TryParse((string?)text, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) => (long)Math.Floor(parsed),
        _ => null,
    };

    private static bool IsMediaFormat(JObject schema, string[] formats) =>
        (schema["format"] as JValue)?.Value is string format && formats.Contains(format, StringComparer.OrdinalIgnoreCase);

    private static void CheckMediaUri(string value, FieldPath path, List<InputError> errors)
    {
        if (DataUri.IsDataUri(value)) return;
        if (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp)) return;
        errors.Add(new InputError(path, "format", "A media input must be an http(s) URL or a data: URI."));
    }

    private static void CheckMedia(JToken instance, FieldPath path, IReadOnlyList<MediaRuleSpec> rules, IMediaSource media, List<InputError> errors)
    {
        switch (instance)
        {
            case JValue { Type: JTokenType.String } single:
                MediaRuleChecker.Check((string)single!, path, rules, media, errors);
                break;
            case JArray items:
                // On an array the rules hold for each item.
                for (var i = 0; i < items.Count; i++)
                    if (items[i] is JValue { Type: JTokenType.String } item) MediaRuleChecker.Check((string)item!, path.Item(i), rules, media, errors);
                break;
        }
    }
}
