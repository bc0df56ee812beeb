using System.ComponentModel;
using System.Text.Json;

namespace RunComfy.Metadata;

/// <summary>
/// Reads a request body for generated <c>FromJson</c> methods without reflection, collecting every
/// problem (unknown field, wrong type, bad enum value, missing required field) before throwing one
/// <see cref="RequestJsonException"/>. A JSON <c>null</c> for an optional field means "not set".
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RequestJsonReader : IDisposable
{
    private readonly string _modelId;
    private readonly JsonDocument _document;
    private readonly List<ValidationError> _errors = [];

    // Fields present with a non-null value: a mistyped one is reported as such, not also as missing.
    private readonly HashSet<string> _present = new(StringComparer.Ordinal);

    // Every field name seen: JSON parsers disagree on a repeated key (first or last wins), so it is an error.
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    private RequestJsonReader(string modelId, JsonDocument document)
    {
        _modelId = modelId;
        _document = document;
    }

    /// <summary>Parses the body; throws when it is not JSON or not a JSON object.</summary>
    /// <exception cref="RequestJsonException">The text is not a JSON object.</exception>
    public static RequestJsonReader Parse(string modelId, string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (UnicodeText.IndexOfLoneSurrogate(json) >= 0)
        {
            throw new RequestJsonException(modelId, [IllFormedText(json)]);
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException ex)
        {
            throw new RequestJsonException(modelId, [InvalidJson(ex)]);
        }

        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            JsonValueKind kind = document.RootElement.ValueKind;
            document.Dispose();
            throw new RequestJsonException(modelId, [NotAnObject(Describe(kind))]);
        }

        return new RequestJsonReader(modelId, document);
    }

    /// <summary>The fields of the body, in order; a repeated field is reported (<c>duplicate</c>) and skipped.</summary>
    public IEnumerable<JsonProperty> Properties
    {
        get
        {
            foreach (JsonProperty property in _document.RootElement.EnumerateObject())
            {
                if (!TryGetName(property))
                {
                    _errors.Add(IllFormedName());
                    continue;
                }

                if (!_seen.Add(property.Name))
                {
                    _errors.Add(Duplicate(property.Name));
                    continue;
                }

                if (property.Value.ValueKind != JsonValueKind.Null)
                {
                    _present.Add(property.Name);
                }

                yield return property;
            }
        }
    }

    /// <summary>Reads a string field.</summary>
    public string? ReadString(JsonProperty property) =>
        Expect(property, JsonValueKind.String, "a string") ? GetString(property.Value, property.Name) : null;

    /// <summary>Reads a media field (a URL string).</summary>
    public MediaInput? ReadMedia(JsonProperty property) =>
        ReadString(property) is string url ? MediaInput.FromUrl(url) : null;

    /// <summary>Reads an integer field that must fit in <see cref="int"/>.</summary>
    public int? ReadInt32(JsonProperty property)
    {
        long? value = ReadInt64(property);
        if (value is long number && (number < int.MinValue || number > int.MaxValue))
        {
            _errors.Add(OutOfInt32(property.Name, number));
            return null;
        }

        return (int?)value;
    }

    /// <summary>Reads an integer field (<c>2.0</c> counts as the integer 2, as JSON Schema says).</summary>
    public long? ReadInt64(JsonProperty property) => ReadInt64(property.Value, property.Name);

    /// <summary>Reads a number field.</summary>
    public double? ReadDouble(JsonProperty property) =>
        Expect(property, JsonValueKind.Number, "a number") && TryGetDouble(property.Value, property.Name, out double value) ? value : null;

    /// <summary>Reads a boolean field.</summary>
    public bool? ReadBoolean(JsonProperty property)
    {
        JsonValueKind kind = property.Value.ValueKind;
        if (kind is JsonValueKind.True or JsonValueKind.False)
        {
            return kind == JsonValueKind.True;
        }

        if (kind != JsonValueKind.Null)
        {
            TypeError(property.Name, "a boolean", kind);
        }

        return null;
    }

    /// <summary>Reads a field of any JSON type (a copy that outlives this reader).</summary>
    public JsonElement? ReadJson(JsonProperty property) =>
        property.Value.ValueKind == JsonValueKind.Null ? null : property.Value.Clone();

    /// <summary>Reads a string enum field of a model loaded at run time: the value must be one of <paramref name="allowed"/> (ordinal).</summary>
    public string? ReadStringEnum(JsonProperty property, IReadOnlyCollection<string> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (ReadString(property) is not string text)
        {
            return null;
        }

        if (allowed.Contains(text, StringComparer.Ordinal))
        {
            return text;
        }

        StringEnumError(property.Name, text);
        return null;
    }

    /// <summary>Reads an integer enum field of a model loaded at run time: the value must be one of <paramref name="allowed"/>.</summary>
    public long? ReadIntegerEnum(JsonProperty property, IReadOnlyCollection<long> allowed)
    {
        ArgumentNullException.ThrowIfNull(allowed);
        if (ReadInt64(property) is not long number)
        {
            return null;
        }

        if (allowed.Contains(number))
        {
            return number;
        }

        IntegerEnumError(property.Name, number);
        return null;
    }

    /// <summary>Reads an array of strings.</summary>
    public IReadOnlyList<string>? ReadStringList(JsonProperty property) =>
        ReadList(property, "a string", JsonValueKind.String, (JsonElement e, string path, out string v) => (v = GetString(e, path)!) is not null);

    /// <summary>Reads an array of media URLs.</summary>
    public IReadOnlyList<MediaInput>? ReadMediaList(JsonProperty property) =>
        ReadList(property, "a string", JsonValueKind.String, (JsonElement e, string path, out MediaInput v) => (v = GetString(e, path) is string url ? MediaInput.FromUrl(url) : null!) is not null);

    /// <summary>Reads an array of integers.</summary>
    public IReadOnlyList<long>? ReadInt64List(JsonProperty property) =>
        ReadList(property, "an integer", JsonValueKind.Number, (JsonElement e, string path, out long v) =>
        {
            long? number = ReadInt64(e, path);
            v = number ?? 0;
            return number is not null;
        });

    /// <summary>Reads an array of numbers.</summary>
    public IReadOnlyList<double>? ReadDoubleList(JsonProperty property) =>
        ReadList<double>(property, "a number", JsonValueKind.Number, TryGetDouble);

    /// <summary>Reads an array of booleans.</summary>
    public IReadOnlyList<bool>? ReadBooleanList(JsonProperty property) =>
        ReadList(property, "a boolean", null, static (JsonElement e, string _, out bool v) =>
        {
            v = e.ValueKind == JsonValueKind.True;
            return e.ValueKind is JsonValueKind.True or JsonValueKind.False;
        });

    /// <summary>Reads an array of any JSON values (copies that outlive this reader).</summary>
    public IReadOnlyList<JsonElement>? ReadJsonList(JsonProperty property) =>
        ReadList(property, "a JSON value", null, static (JsonElement e, string _, out JsonElement v) =>
        {
            v = e.Clone();
            return true;
        });

    /// <summary>Reports a field the model does not have.</summary>
    public void Unknown(JsonProperty property) =>
        _errors.Add(UnknownField(property.Name, _modelId));

    /// <summary>Reports a required field that was absent or null (one present but mistyped is already reported).</summary>
    public void Required(string name, bool present)
    {
        if (!present && !_present.Contains(name))
        {
            _errors.Add(Missing(name));
        }
    }

    /// <summary>Every problem found so far, for a caller that reports them together with others instead of throwing.</summary>
    public IReadOnlyList<ValidationError> Errors => _errors;

    /// <summary>Throws one <see cref="RequestJsonException"/> listing every problem found.</summary>
    /// <exception cref="RequestJsonException">At least one problem was found.</exception>
    public void ThrowIfErrors()
    {
        if (_errors.Count > 0)
        {
            throw new RequestJsonException(_modelId, [.. _errors]);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _document.Dispose();

    // One wording for generated enums and run-time ones.
    private void StringEnumError(string path, string text) =>
        _errors.Add(StringEnum(path, text));

    private void IntegerEnumError(string path, long number) =>
        _errors.Add(IntegerEnum(path, number));

    private long? ReadInt64(JsonElement element, string path)
    {
        if (element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        if (TryGetInteger(element, out long value))
        {
            return value;
        }

        if (element.ValueKind != JsonValueKind.Number)
        {
            TypeError(path, "an integer", element.ValueKind);
        }
        else if (!element.TryGetDouble(out double number) || !double.IsFinite(number) || Math.Floor(number) == number)
        {
            // Integral (or too large to tell) but beyond long: the value is fine JSON, the type cannot hold it.
            _errors.Add(OutOfInt64(path, element.GetRawText()));
        }
        else
        {
            _errors.Add(NotInteger(path, element.GetRawText()));
        }

        return null;
    }

    private bool TryGetDouble(JsonElement element, string path, out double value)
    {
        if (element.TryGetDouble(out value) && double.IsFinite(value))
        {
            return true;
        }

        _errors.Add(OutOfDouble(path, element.GetRawText()));
        return false;
    }

    private string? GetString(JsonElement element, string path)
    {
        try
        {
            return element.GetString();
        }
        catch (InvalidOperationException)
        {
            // A lone surrogate escape (\ud800): not text that can be sent as UTF-8.
            _errors.Add(LoneSurrogate(path));
            return null;
        }
    }

    private delegate bool ItemReader<T>(JsonElement element, string path, out T value);

    /// <summary>
    /// Reads every item; <paramref name="kind"/> is the JSON kind an item must have (null: the reader
    /// decides). A reader that returns false for an item of the right kind has reported why itself.
    /// </summary>
    private IReadOnlyList<T>? ReadList<T>(JsonProperty property, string itemDescription, JsonValueKind? kind, ItemReader<T> read)
    {
        if (!Expect(property, JsonValueKind.Array, "an array"))
        {
            return null;
        }

        var items = new List<T>(property.Value.GetArrayLength());
        int index = 0;
        bool ok = true;
        foreach (JsonElement item in property.Value.EnumerateArray())
        {
            string path = ValidationCollector.ItemPath(property.Name, index);
            if (kind is JsonValueKind expected && item.ValueKind != expected)
            {
                TypeError(path, itemDescription, item.ValueKind);
                ok = false;
            }
            else if (read(item, path, out T value))
            {
                items.Add(value);
            }
            else
            {
                if (kind is null)
                {
                    TypeError(path, itemDescription, item.ValueKind);
                }

                ok = false;
            }

            index++;
        }

        return ok ? items : null;
    }

    private bool Expect(JsonProperty property, JsonValueKind kind, string description)
    {
        JsonValueKind actual = property.Value.ValueKind;
        if (actual == kind)
        {
            return true;
        }

        if (actual != JsonValueKind.Null)
        {
            TypeError(property.Name, description, actual);
        }

        return false;
    }

    private void TypeError(string path, string expected, JsonValueKind actual) =>
        _errors.Add(TypeMismatch(path, expected, Describe(actual)));

    private static bool TryGetInteger(JsonElement element, out long value)
    {
        value = 0;
        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (element.TryGetInt64(out value))
        {
            return true;
        }

        if (element.TryGetDouble(out double number) && Math.Floor(number) == number && number >= long.MinValue && number < long.MaxValue)
        {
            value = (long)number;
            return true;
        }

        return false;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.Null => "null",
        _ => kind.ToString(),
    };
    // The one wording of each problem, shared with RequestBodyReader (generated FromJson) so both report alike.
    internal static ValidationError InvalidJson(JsonException exception) => new("$", "json", $"is not valid JSON: {exception.Message}");

    internal static ValidationError IllFormedText(string json) =>
        new("$", "json", $"is not valid JSON text: it has a lone surrogate (ill-formed UTF-16) at index {UnicodeText.IndexOfLoneSurrogate(json)}.");

    internal static ValidationError NotAnObject(string kind) => new("$", "type", $"must be a JSON object, not {kind}.");

    internal static ValidationError IllFormedName() =>
        new("$", "json", "has a property name with a lone surrogate escape (such as \\ud800); names must be well-formed Unicode text.");

    internal static ValidationError Duplicate(string name) => new(name, "duplicate", "appears more than once in the JSON object.");

    internal static ValidationError UnknownField(string name, string modelId) => new(name, "unknown", $"is not a parameter of '{modelId}'.");

    internal static ValidationError Missing(string name) => new(name, "required", "is required but missing.");

    internal static ValidationError OutOfInt32(string path, long number) =>
        new(path, "type", $"must be an integer between {int.MinValue} and {int.MaxValue}; it is {number}.");

    internal static ValidationError OutOfInt64(string path, string raw) =>
        new(path, "type", $"is out of range for a 64-bit integer ({long.MinValue} to {long.MaxValue}); it is {raw}.");

    internal static ValidationError NotInteger(string path, string raw) => new(path, "type", $"must be an integer; it is {raw}.");

    internal static ValidationError OutOfDouble(string path, string raw) => new(path, "type", $"is out of range for a number (double); it is {raw}.");

    internal static ValidationError LoneSurrogate(string path) => new(path, "type", "must be well-formed Unicode text; it has a lone surrogate.");

    internal static ValidationError TypeMismatch(string path, string expected, string actual) => new(path, "type", $"must be {expected}, not {actual}.");

    internal static ValidationError StringEnum(string path, string text) => new(path, "enum", $"\"{text}\" is not one of the allowed values.");

    internal static ValidationError IntegerEnum(string path, long number) => new(path, "enum", $"{number} is not one of the allowed values.");

    // A name with a lone surrogate escape cannot be a .NET string; it is reported rather than thrown.
    private static bool TryGetName(JsonProperty property)
    {
        try
        {
            _ = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
