using Newtonsoft.Json.Linq;

namespace RunComfy.Emulator.Validation;

/// <summary>
/// Prepares a raw RunComfy schema for NJsonSchema 10.7.2: the emulator checks <c>validations</c>, string
/// lengths (NJsonSchema counts UTF-16 units and rejects <c>"maxLength": 2.0</c>) and <c>pattern</c>
/// (NJsonSchema matches with .NET semantics and no timeout) itself; published
/// schemas say <c>"type": "float"</c>, which JSON Schema calls <c>number</c>, and <c>"default": null</c>.
/// </summary>
internal static class SchemaNormalizer
{
    private static readonly string[] OwnKeywords = ["validations", "maxLength", "minLength", "pattern"];
    private static readonly string[] SchemaListKeywords = ["allOf", "anyOf", "oneOf"];
    private static readonly string[] SchemaMapKeywords = ["properties", "definitions", "$defs", "dependentSchemas"];
    private static readonly string[] SchemaKeywords = ["additionalProperties", "additionalItems", "unevaluatedItems", "unevaluatedProperties", "contains", "propertyNames", "not", "if", "then", "else"];

    public static JObject ForNJsonSchema(JObject rawSchema)
    {
        var copy = (JObject)rawSchema.DeepClone();
        Normalize(copy);
        return copy;
    }

    // Walks schema positions only, so a property that happens to be named "maxLength" is left alone.
    private static void Normalize(JObject schema)
    {
        foreach (var keyword in OwnKeywords) schema.Remove(keyword);

        // patternProperties' keys are regular expressions NJsonSchema would match, with no timeout, against every
        // property name of a submission; no published schema uses them, so the emulator does not check them.
        schema.Remove("patternProperties");

        switch (schema["type"])
        {
            case JValue { Value: "float" } single:
                single.Value = "number";
                break;
            case JArray types:
                foreach (var type in types.OfType<JValue>().Where(t => (t.Value as string) == "float")) type.Value = "number";
                break;
        }
        // Published schemas write "default": null on optional inputs: null then means "not set", so accept it.
        if (schema.TryGetValue("default", out var fallback) && fallback.Type == JTokenType.Null && schema["type"] is JValue { Type: JTokenType.String } declared)
            schema["type"] = new JArray(declared.DeepClone(), "null");

        foreach (var keyword in SchemaMapKeywords)
        {
            if (schema[keyword] is JObject map)
                foreach (var property in map.Properties())
                    if (property.Value is JObject child) Normalize(child);
        }
        foreach (var keyword in SchemaListKeywords)
        {
            if (schema[keyword] is JArray list)
                foreach (var child in list.OfType<JObject>()) Normalize(child);
        }
        switch (schema["items"])
        {
            case JObject items: Normalize(items); break;
            case JArray tuple: foreach (var child in tuple.OfType<JObject>()) Normalize(child); break;
        }
        // Every other place a schema can hold a schema, so no pattern reaches NJsonSchema's unbounded matcher.
        foreach (var keyword in SchemaKeywords)
        {
            if (schema[keyword] is JObject child) Normalize(child);
        }
    }
}
