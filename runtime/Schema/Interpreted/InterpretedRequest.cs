using System.Globalization;
using System.Text.Json;
using RunComfy.Schema.Interpreted;
using RunComfy.Metadata;

namespace RunComfy;

/// <summary>
/// A request to a model loaded at run time (<see cref="ModelInfo.FromSchema"/>): the values read from a JSON
/// body, checked and written by the same runtime helpers, in the same order, as the generated record for the
/// same schema, so <see cref="Validate"/>, <see cref="WriteJson"/> and <see cref="GetMediaFields"/> give what the
/// generated type gives.
/// </summary>
public sealed class InterpretedRequest : IRunComfyRequest
{
    private readonly InterpretedModel _model;
    private readonly object?[] _values;

    internal InterpretedRequest(InterpretedModel model, object?[] values)
    {
        _model = model;
        _values = values;
    }

    /// <inheritdoc />
    public string ModelId => _model.ModelId;

    /// <summary>The value of a parameter by its JSON name (<see cref="string"/>, <see cref="MediaInput"/>, <see cref="long"/>,
    /// <see cref="double"/>, <see cref="bool"/>, <see cref="JsonElement"/>, or a read-only list of them), or null when unset.</summary>
    public object? this[string name]
    {
        get
        {
            int index = _model.IndexOf(name);
            return index < 0 ? null : _values[index];
        }
    }

    /// <inheritdoc />
    public ValidationResult Validate()
    {
        var collector = new ValidationCollector();
        for (int i = 0; i < _values.Length; i++)
        {
            InterpretedChecks.Check(collector, _model.Properties[i], _values[i]);
        }

        return collector.ToResult();
    }

    /// <inheritdoc />
    public void WriteJson(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStartObject();
        for (int i = 0; i < _values.Length; i++)
        {
            if (_values[i] is object value)
            {
                Write(writer, _model.Properties[i], value);
            }
        }

        writer.WriteEndObject();
    }

    /// <summary>The request body as JSON text, exactly as it is sent (unset optional parameters are left out).</summary>
    /// <param name="indented">Whether to indent the JSON.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(bool indented = false) => RequestJsonWriter.ToJson(this, indented);

    /// <inheritdoc />
    public IReadOnlyList<MediaField> GetMediaFields()
    {
        var fields = new List<MediaField>();
        for (int i = 0; i < _values.Length; i++)
        {
            InterpretedProperty property = _model.Properties[i];
            if (property.Kind != InterpretedKind.Media)
            {
                continue;
            }

            if (property.IsArray)
            {
                MediaFields.Add(fields, property.JsonName, (IReadOnlyList<MediaInput>?)_values[i], property.MediaRules);
            }
            else
            {
                MediaFields.Add(fields, property.JsonName, (MediaInput?)_values[i], property.MediaRules);
            }
        }

        return fields;
    }

    /// <inheritdoc />
    public override string ToString() => $"{nameof(InterpretedRequest)} {{ ModelId = {ModelId} }}";

    private static void Write(Utf8JsonWriter writer, InterpretedProperty property, object value)
    {
        string name = property.JsonName;
        if (property.IsArray)
        {
            switch (value)
            {
                case IReadOnlyList<string> strings: RequestJsonWriter.WriteStringList(writer, name, strings); break;
                case IReadOnlyList<MediaInput> media: RequestJsonWriter.WriteMediaList(writer, name, media); break;
                case IReadOnlyList<long> integers: RequestJsonWriter.WriteInt64List(writer, name, integers); break;
                case IReadOnlyList<double> numbers: RequestJsonWriter.WriteDoubleList(writer, name, numbers); break;
                case IReadOnlyList<bool> booleans: RequestJsonWriter.WriteBooleanList(writer, name, booleans); break;
                case IReadOnlyList<JsonElement> elements: RequestJsonWriter.WriteJsonList(writer, name, elements); break;
            }

            return;
        }

        switch (value)
        {
            case string text when property.Kind == InterpretedKind.Enum: writer.WriteString(name, text); break;
            case string text: RequestJsonWriter.WriteString(writer, name, text); break;
            case MediaInput media: RequestJsonWriter.WriteMedia(writer, name, media); break;
            case bool boolean: writer.WriteBoolean(name, boolean); break;
            case long integer: writer.WriteNumber(name, integer); break;
            case double number: writer.WriteNumber(name, number); break;
            case JsonElement element: RequestJsonWriter.WriteJson(writer, name, element); break;
            default: throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"Unexpected value type {value.GetType().Name} for '{name}'."));
        }
    }
}
