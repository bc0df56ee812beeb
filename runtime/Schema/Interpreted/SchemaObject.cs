using System.Text.Json;

namespace RunComfy.Schema.Interpreted;

/// <summary>
/// A schema object being read: the JSON plus the keywords set aside while reading it (a keyword of the
/// wrong type, one the generator does not support), so later steps see what the generator's own
/// normalised copy would hold.
/// </summary>
internal sealed class SchemaObject
{
    private readonly HashSet<string> _removed = new(StringComparer.Ordinal);

    public SchemaObject(JsonElement element) => Element = element;

    public JsonElement Element { get; }

    public bool TryGet(string keyword, out JsonElement value)
    {
        value = default;
        return !_removed.Contains(keyword) && Element.TryGetProperty(keyword, out value);
    }

    public bool Has(string keyword) => TryGet(keyword, out _);

    public void Remove(string keyword) => _removed.Add(keyword);

    /// <summary>The keyword's value when it is a string.</summary>
    public string? String(string keyword) =>
        TryGet(keyword, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
