using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunComfy.Cli.Schemas;

/// <summary>
/// Reads an input schema's properties into <see cref="ModelParameter"/>s, leniently: any schema RunComfy serves
/// gives a list, including ones the generator would refuse, so they can be shown and compared. Nothing in the
/// schema is resolved or fetched (<c>$ref</c> is not followed).
/// </summary>
internal static class SchemaParameters
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 64, AllowTrailingCommas = true };
    private static readonly ItemRules EmptyItems = new(null, null, null, null, null, null, null, null);

    /// <summary>The schema as a JSON object.</summary>
    /// <exception cref="JsonException">The text is not a JSON object.</exception>
    public static JsonObject ParseObject(string schemaJson) =>
        JsonNode.Parse(schemaJson, documentOptions: DocumentOptions) as JsonObject
        ?? throw new JsonException("The input schema is not a JSON object.");

    /// <summary>The parameters in schema order.</summary>
    /// <exception cref="JsonException">The text is not a JSON object.</exception>
    public static IReadOnlyList<ModelParameter> Read(string schemaJson) => Read(ParseObject(schemaJson));

    public static IReadOnlyList<ModelParameter> Read(JsonObject schema)
    {
        var required = schema["required"] is JsonArray names
            ? names.Select(n => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).OfType<string>().ToHashSet(StringComparer.Ordinal)
            : [];
        if (schema["properties"] is not JsonObject properties)
        {
            return [];
        }

        var parameters = new List<ModelParameter>();
        foreach (var (name, node) in properties)
        {
            var property = node as JsonObject ?? [];
            var items = property["items"] as JsonObject;
            var format = Text(property, "format");
            var itemFormat = items is null ? null : Text(items, "format");
            var (minimum, exclusiveMinimum) = Bound(property, "minimum", "exclusiveMinimum");
            var (maximum, exclusiveMaximum) = Bound(property, "maximum", "exclusiveMaximum");
            var rules = MediaRules(property);
            parameters.Add(new ModelParameter
            {
                Name = name,
                PropertyName = name,
                Type = TypeOf(property),
                Format = format,
                ItemType = items is null ? null : TypeOf(items),
                ItemFormat = itemFormat,
                IsMedia = IsMediaFormat(format) || IsMediaFormat(itemFormat) || rules.Count > 0,
                Required = required.Contains(name),
                Title = Text(property, "title"),
                Description = Text(property, "description"),
                DefaultJson = property["default"] is { } value ? value.ToJsonString() : null,
                EnumJson = property["enum"] is JsonArray values ? values.Select(v => v?.ToJsonString() ?? "null").ToArray() : null,
                Minimum = minimum,
                Maximum = maximum,
                ExclusiveMinimum = exclusiveMinimum,
                ExclusiveMaximum = exclusiveMaximum,
                MinLength = Whole(property, "minLength"),
                MaxLength = Whole(property, "maxLength"),
                MinItems = Whole(property, "minItems"),
                MaxItems = Whole(property, "maxItems"),
                Pattern = Text(property, "pattern"),
                MediaRules = rules,
            });
        }

        return parameters;
    }

    /// <summary>
    /// The rules <see cref="ModelParameter"/> does not carry but generated code and <c>ModelInfo.FromSchema</c> enforce:
    /// <c>const</c>, and the <c>enum</c>, length, <c>pattern</c> and number limits inside array <c>items</c>. By property name.
    /// </summary>
    public static IReadOnlyDictionary<string, ExtraRules> ReadExtraRules(JsonObject schema)
    {
        var rules = new Dictionary<string, ExtraRules>(StringComparer.Ordinal);
        if (schema["properties"] is not JsonObject properties)
        {
            return rules;
        }

        foreach (var (name, node) in properties)
        {
            var property = node as JsonObject ?? [];
            var constJson = property.TryGetPropertyValue("const", out var constValue) ? constValue?.ToJsonString() ?? "null" : null;
            if (property["items"] is not JsonObject items)
            {
                rules[name] = new ExtraRules(constJson, EmptyItems);
                continue;
            }

            var (minimum, exclusiveMinimum) = Bound(items, "minimum", "exclusiveMinimum");
            var (maximum, exclusiveMaximum) = Bound(items, "maximum", "exclusiveMaximum");
            rules[name] = new ExtraRules(constJson, new ItemRules(
                items["enum"] is JsonArray values ? values.Select(v => v?.ToJsonString() ?? "null").ToArray() : null,
                Whole(items, "minLength"),
                Whole(items, "maxLength"),
                Text(items, "pattern"),
                minimum,
                maximum,
                exclusiveMinimum,
                exclusiveMaximum));
        }

        return rules;
    }

    private static string TypeOf(JsonObject property)
    {
        var type = property["type"] switch
        {
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            JsonArray types => types.Select(t => t is JsonValue v && v.TryGetValue<string>(out var s) ? s : null).FirstOrDefault(t => t is not null and not "null"),
            _ => null,
        };

        // RunComfy publishes "float"; the generator reads it as "number", and so does this.
        return type switch
        {
            "float" or "double" => "number",
            null => property["enum"] is JsonArray { Count: > 0 } values && values[0] is JsonValue first ? first.GetValueKind() switch
            {
                JsonValueKind.String => "string",
                JsonValueKind.Number => "number",
                JsonValueKind.True or JsonValueKind.False => "boolean",
                _ => "any",
            } : "any",
            _ => type,
        };
    }

    private static bool IsMediaFormat(string? format) =>
        format is not null && (format.EndsWith("_uri", StringComparison.Ordinal) || format.EndsWith("_uris", StringComparison.Ordinal));

    /// <summary>A bound and its exclusive form: draft 4's boolean <c>exclusiveMinimum</c> makes the bound exclusive.</summary>
    private static (double? Inclusive, double? Exclusive) Bound(JsonObject property, string name, string exclusiveName)
    {
        var bound = Number(property[name]);
        return property[exclusiveName] switch
        {
            JsonValue flag when flag.GetValueKind() == JsonValueKind.True => (null, bound),
            { } exclusive when Number(exclusive) is { } value => (bound, value),
            _ => (bound, null),
        };
    }

    private static IReadOnlyList<MediaRule> MediaRules(JsonObject property)
    {
        if (property["validations"] is not JsonArray validations)
        {
            return [];
        }

        var rules = new List<MediaRule>();
        foreach (var validation in validations.OfType<JsonObject>())
        {
            if (Text(validation, "validation_rule") is { } rule && Number(validation["validation_value"]) is { } value)
            {
                rules.Add(new MediaRule(rule, value, Text(validation, "validation_error")));
            }
        }

        return rules;
    }

    private static string? Text(JsonObject obj, string name) =>
        obj[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static int? Whole(JsonObject obj, string name) =>
        Number(obj[name]) is { } value && value is >= 0 and <= int.MaxValue ? (int)value : null;

    /// <summary>A JSON number, or a string holding one (RunComfy sends <c>validation_value</c> both ways).</summary>
    private static double? Number(JsonNode? node) => node switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<double>(),
        JsonValue v when v.TryGetValue<string>(out var s) && double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => d,
        _ => null,
    };
}

/// <summary>A property's <c>const</c> (as JSON text, or null when it has none) and the rules on its array items.</summary>
internal sealed record ExtraRules(string? ConstJson, ItemRules Items);

/// <summary>The rules inside an array property's <c>items</c>; all null when it has none.</summary>
internal sealed record ItemRules(
    IReadOnlyList<string>? EnumJson,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    double? Minimum,
    double? Maximum,
    double? ExclusiveMinimum,
    double? ExclusiveMaximum);
