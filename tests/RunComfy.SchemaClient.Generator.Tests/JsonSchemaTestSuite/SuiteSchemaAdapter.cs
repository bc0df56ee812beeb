using System.Text.Json.Nodes;

namespace RunComfy.SchemaClient.Generator.Tests.JsonSchemaTestSuite;

/// <summary>
/// Turns a suite schema into a RunComfy input schema, the only kind the generator reads (an object with
/// typed properties):
/// <list type="bullet">
/// <item>A schema about an object (<c>properties</c>, <c>required</c>) is used as is, with <c>"type": "object"</c>.</item>
/// <item>Any other schema becomes the one required property <c>value</c> of an object, and the tested
/// value is sent as <c>{"value": ...}</c>. A property without <c>type</c> gets the type its keywords
/// apply to (<c>minLength</c>: string, <c>minimum</c>: number, <c>maxItems</c>: array; <c>enum</c>/<c>const</c>:
/// the type of their values), since a generated property is always typed. Values of another JSON type
/// are then refused by <c>FromJson</c> where the untyped suite schema ignores them; those cases are
/// listed in <see cref="SuiteExclusions"/>.</item>
/// </list>
/// </summary>
public static class SuiteSchemaAdapter
{
    /// <summary>The property a wrapped schema becomes.</summary>
    public const string Property = "value";

    /// <summary>The RunComfy schema for <paramref name="group"/>, or null when it cannot be written as one.</summary>
    public static JsonObject? ToRequestSchema(SuiteGroup group, out bool wrapped)
    {
        wrapped = false;
        if (group.Schema is not JsonObject source)
        {
            return null;
        }

        var schema = (JsonObject)source.DeepClone();
        schema.Remove("$schema");
        if (schema.ContainsKey("properties") || schema.ContainsKey("required"))
        {
            schema["type"] ??= "object";
            return schema;
        }

        if (!schema.ContainsKey("type"))
        {
            if (ImpliedType(schema) is not string type)
            {
                return null;
            }

            schema["type"] = type;
        }

        wrapped = true;
        return new JsonObject
        {
            ["type"] = "object",
            ["properties"] = new JsonObject { [Property] = schema },
            ["required"] = new JsonArray(Property),
        };
    }

    /// <summary>The request body a case sends: the value itself for an object schema, else <c>{"value": ...}</c>.</summary>
    public static string Body(SuiteCase test, bool wrapped) =>
        wrapped
            ? new JsonObject { [Property] = test.Data?.DeepClone() }.ToJsonString()
            : test.Data?.ToJsonString() ?? "null";

    private static string? ImpliedType(JsonObject schema)
    {
        if (Has(schema, "minLength", "maxLength", "pattern"))
        {
            return "string";
        }

        if (Has(schema, "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"))
        {
            return "number";
        }

        if (Has(schema, "minItems", "maxItems", "items"))
        {
            return "array";
        }

        IEnumerable<JsonNode?> values = schema["enum"] is JsonArray list ? list
            : schema.ContainsKey("const") ? new[] { schema["const"] }
            : [];
        var kinds = values.Select(KindOf).Distinct().ToList();
        return kinds.Count == 1 ? kinds[0] : null;
    }

    private static bool Has(JsonObject schema, params string[] keywords) => keywords.Any(schema.ContainsKey);

    private static string? KindOf(JsonNode? value) => value switch
    {
        JsonValue v when v.TryGetValue(out string? _) => "string",
        JsonValue v when v.TryGetValue(out bool _) => "boolean",
        // 2 is an integer literal; 2.0 and 2e0 are read as number, whose double check treats them alike.
        JsonValue v when v.ToJsonString().IndexOfAny(['.', 'e', 'E']) < 0 => "integer",
        JsonValue => "number",
        _ => null,
    };
}
