using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace RunComfy.SchemaClient.Generator.Tests.Interpreted;

/// <summary>
/// Request bodies derived from a model's parameters: valid ones, then every boundary of every parameter
/// (lengths ±1 in code points, limits ±1, each enum value and a non-member, item counts ±1, wrong JSON types),
/// a missing required field, an unknown field and a repeated one.
/// </summary>
public static class RequestCorpus
{
    private const string Url = "https://example.com/media.png";

    public static IReadOnlyList<string> For(ModelInfo model)
    {
        var bodies = new List<string>();
        JsonObject minimal = Body(model, p => p.Required);
        JsonObject full = Body(model, _ => true);
        bodies.Add(minimal.ToJsonString());
        bodies.Add(full.ToJsonString());
        bodies.Add("{}");
        bodies.Add("[]");
        bodies.Add("{not json");

        JsonObject? properties = JsonNode.Parse(model.SchemaJson, documentOptions: new() { CommentHandling = System.Text.Json.JsonCommentHandling.Skip })?["properties"] as JsonObject;
        foreach (ModelParameter p in model.Parameters)
        {
            JsonObject? schema = properties?[p.Name] as JsonObject;
            foreach (JsonNode? value in Variants(p).Concat(SchemaVariants(p, schema)))
            {
                JsonObject body = (JsonObject)full.DeepClone();
                body[p.Name] = value?.DeepClone();
                bodies.Add(body.ToJsonString());
            }

            if (p.Required)
            {
                JsonObject missing = (JsonObject)full.DeepClone();
                missing.Remove(p.Name);
                bodies.Add(missing.ToJsonString());
            }
        }

        JsonObject unknown = (JsonObject)full.DeepClone();
        unknown["not_a_parameter_of_this_model"] = 1;
        bodies.Add(unknown.ToJsonString());
        if (model.Parameters.Count > 0)
        {
            string json = full.ToJsonString();
            string first = model.Parameters[0].Name;
            bodies.Add(json.Insert(json.Length - 1, (full.Count > 0 ? "," : string.Empty) + "\"" + first + "\":null"));
        }

        return bodies;
    }

    private static JsonObject Body(ModelInfo model, Func<ModelParameter, bool> include)
    {
        var body = new JsonObject();
        foreach (ModelParameter p in model.Parameters.Where(include))
        {
            body[p.Name] = Sample(p);
        }

        return body;
    }

    private static JsonNode? Sample(ModelParameter p)
    {
        if (p.EnumJson is { Count: > 0 } values)
        {
            return JsonNode.Parse(values[0]);
        }

        return p.Type switch
        {
            "array" => new JsonArray([.. Enumerable.Range(0, Math.Clamp(p.MinItems ?? 1, 1, 20)).Select(_ => ItemSample(p))]),
            "string" when p.IsMedia => Url,
            "string" => Text(Math.Max(p.MinLength ?? 1, 1)),
            "integer" => JsonValue.Create((long)Math.Ceiling(Low(p) ?? 1)),
            "number" => JsonValue.Create(Low(p) ?? 1),
            "boolean" => true,
            _ => new JsonObject { ["k"] = 1 },
        };
    }

    private static JsonNode? ItemSample(ModelParameter p) => p.IsMedia ? Url : p.ItemType switch
    {
        "integer" => 1,
        "number" => 1.5,
        "boolean" => true,
        "string" => "x",
        _ => new JsonArray(1),
    };

    private static IEnumerable<JsonNode?> Variants(ModelParameter p)
    {
        // Wrong JSON types, and null (an optional field's "not set").
        yield return null;
        yield return "text";
        yield return 7;
        yield return 2.5;
        yield return true;
        yield return new JsonArray(1, "x");
        yield return new JsonObject { ["k"] = 1 };
        yield return JsonNode.Parse("1e400");
        yield return JsonNode.Parse("12345678901234567890");
        yield return "\ud83d\ude00";

        if (p.EnumJson is { Count: > 0 } values)
        {
            foreach (string value in values)
            {
                yield return JsonNode.Parse(value);
            }

            yield return "__not_a_member__";
            yield return 987654321;
        }

        foreach (int? length in new[] { p.MinLength, p.MaxLength })
        {
            if (length is int n)
            {
                foreach (int candidate in new[] { n - 1, n, n + 1 }.Where(c => c >= 0 && c <= 20000))
                {
                    yield return Text(candidate);
                    yield return Emoji(candidate);
                }
            }
        }

        foreach (double? limit in new[] { p.Minimum, p.Maximum, p.ExclusiveMinimum, p.ExclusiveMaximum })
        {
            if (limit is double l && Math.Abs(l) < 1e15)
            {
                foreach (double candidate in new[] { l - 1, l, l + 1, l - 0.5, l + 0.5 })
                {
                    yield return JsonNode.Parse(candidate.ToString("R", CultureInfo.InvariantCulture));
                }
            }
        }

        if (p.Type == "array")
        {
            foreach (int? count in new[] { p.MinItems, p.MaxItems })
            {
                if (count is int n)
                {
                    foreach (int candidate in new[] { n - 1, n, n + 1 }.Where(c => c >= 0 && c <= 60))
                    {
                        yield return new JsonArray([.. Enumerable.Range(0, candidate).Select(_ => ItemSample(p))]);
                    }
                }
            }

            yield return new JsonArray();
            yield return new JsonArray(ItemSample(p), null);
            yield return new JsonArray(ItemSample(p), "x", 3, 4.5, false);
            yield return new JsonArray("http://example.com/a.png", "data:image/png;base64,AAAA", "https://example.com/b.png");
        }

        if (p.IsMedia)
        {
            yield return "http://example.com/insecure.png";
            yield return "not a url";
            yield return "data:image/png;base64,iVBORw0KGgo=";
        }
    }

    /// <summary>What <see cref="ModelParameter"/> does not show: <c>const</c>, and the rules inside <c>items</c>.</summary>
    private static IEnumerable<JsonNode?> SchemaVariants(ModelParameter p, JsonObject? schema)
    {
        if (schema is null)
        {
            yield break;
        }

        if (schema["const"] is JsonNode constant)
        {
            yield return constant.DeepClone();
            yield return constant.GetValueKind() == System.Text.Json.JsonValueKind.String ? "other" : JsonValue.Create(3);
            yield return false;
            yield return 0.75;
        }

        if (schema["items"] is not JsonObject items)
        {
            yield break;
        }

        var itemValues = new List<JsonNode?>();
        if (items["enum"] is JsonArray values)
        {
            itemValues.AddRange(values.Select(v => v?.DeepClone()));
            itemValues.Add("__not_a_member__");
            itemValues.Add(987654321);
        }

        foreach (string keyword in new[] { "minLength", "maxLength" })
        {
            if (items[keyword] is JsonValue count && count.TryGetValue(out int n))
            {
                foreach (int candidate in new[] { n - 1, n, n + 1 }.Where(c => c >= 0 && c <= 1000))
                {
                    itemValues.Add(p.IsMedia ? "https://e.co/" + Text(Math.Max(0, candidate - 13)) : Text(candidate));
                    itemValues.Add(Emoji(candidate));
                }
            }
        }

        foreach (string keyword in new[] { "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum" })
        {
            if (items[keyword] is JsonValue limit && limit.TryGetValue(out double l) && Math.Abs(l) < 1e15)
            {
                foreach (double candidate in new[] { l - 1, l, l + 1, l - 0.5, l + 0.5 })
                {
                    itemValues.Add(JsonNode.Parse(candidate.ToString("R", CultureInfo.InvariantCulture)));
                }
            }
        }

        foreach (JsonNode? item in itemValues)
        {
            yield return new JsonArray(item?.DeepClone());
            yield return new JsonArray(ItemSample(p), item?.DeepClone());
        }

        if (itemValues.Count > 1)
        {
            yield return new JsonArray([.. itemValues.Select(v => v?.DeepClone())]);
        }
    }

    private static double? Low(ModelParameter p) => p.Minimum ?? p.ExclusiveMinimum + 1;

    private static string Text(int codePoints) => new('x', codePoints);

    private static string Emoji(int codePoints) =>
        new StringBuilder().Insert(0, "\ud83d\ude00", codePoints).ToString();
}
