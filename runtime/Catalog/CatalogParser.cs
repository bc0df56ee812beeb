using System.Text.Json;
using RunComfy.Client.Wire;

namespace RunComfy.Client.Catalog;

/// <summary>
/// Reads catalog answers leniently (fields may be missing, null or of another type). The answer's strings
/// were already redacted whole when it was read (<see cref="WireAnswer.Read"/>).
/// </summary>
internal static class CatalogParser
{
    /// <summary>The most entries read from one page, whatever the server sends.</summary>
    private const int MaxModelsPerPage = 1000;

    /// <summary>One model; null when the object has no <c>model_id</c>.</summary>
    public static CatalogModel? ReadModel(JsonElement model)
    {
        var id = JsonValues.GetString(model, "model_id");
        if (string.IsNullOrWhiteSpace(id))
        {
            return null;
        }

        var schema = ReadSchema(model);
        return new CatalogModel
        {
            ModelId = id,
            DisplayName = JsonValues.GetString(model, "display_name") is { Length: > 0 } name ? name : id,
            Categories = ReadStrings(model, "categories") is { Count: > 0 } categories ? categories : ReadStrings(model, "category"),
            Kind = JsonValues.GetString(model, "kind"),
            BasePriceUsd = JsonValues.GetDecimal(model, "base_price_usd"),
            PriceUnit = JsonValues.GetString(model, "price_unit"),
            RequiredInputs = JsonValues.TryGet(model, "required_inputs", out _)
                ? ReadStrings(model, "required_inputs")
                : schema is { } s ? ReadStrings(s, "required") : [],
            ModelUrl = Uri.TryCreate(JsonValues.GetString(model, "model_url"), UriKind.Absolute, out var url) ? url : null,
            InputSchemaJson = schema is { } raw ? raw.GetRawText() : null,
        };
    }

    /// <summary>A page: the <c>models</c> array (or <c>data</c>/<c>items</c>, or a bare array) and <c>total</c>.</summary>
    public static (IReadOnlyList<CatalogModel> Models, int? Total, int Received) ReadPage(JsonElement root)
    {
        var array = FindArray(root);
        var models = new List<CatalogModel>();
        var received = 0;
        if (array is { } items)
        {
            foreach (var item in items.EnumerateArray())
            {
                if (++received > MaxModelsPerPage)
                {
                    break;
                }

                if (item.ValueKind == JsonValueKind.Object && ReadModel(item) is { } model)
                {
                    models.Add(model);
                }
            }
        }

        var total = JsonValues.GetInt32(root, "total");
        return (models, total is >= 0 ? total : null, Math.Min(received, MaxModelsPerPage));
    }

    private static JsonElement? FindArray(JsonElement root)
    {
        foreach (var name in (ReadOnlySpan<string>)["models", "data", "items"])
        {
            if (JsonValues.TryGet(root, name, out var value) && value.ValueKind == JsonValueKind.Array)
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>The schema object; also when the server sent it as a JSON string holding an object.</summary>
    private static JsonElement? ReadSchema(JsonElement model)
    {
        if (!JsonValues.TryGet(model, "input_schema", out var schema))
        {
            return null;
        }

        if (schema.ValueKind == JsonValueKind.Object)
        {
            return schema;
        }

        if (schema.ValueKind == JsonValueKind.String)
        {
            try
            {
                using var document = JsonDocument.Parse(schema.GetString()!, new JsonDocumentOptions { MaxDepth = 64 });
                return document.RootElement.ValueKind == JsonValueKind.Object ? document.RootElement.Clone() : null;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>An array of strings (other items skipped), or a single string as a list of one.</summary>
    private static IReadOnlyList<string> ReadStrings(JsonElement obj, string name)
    {
        if (!JsonValues.TryGet(obj, name, out var value))
        {
            return [];
        }

        if (value.ValueKind == JsonValueKind.Array)
        {
            return value.EnumerateArray().Select(JsonValues.AsString).OfType<string>().Where(s => s.Length > 0).ToArray();
        }

        return JsonValues.AsString(value) is { Length: > 0 } single ? [single] : [];
    }
}
