using System.Text.Json;
using RunComfy.Metadata;

namespace RunComfy.Schema.Interpreted;

/// <summary>
/// A model loaded at run time: its properties and the JSON reader the generated <c>FromJson</c> would be,
/// calling the same <see cref="RequestJsonReader"/> methods in the same order.
/// </summary>
internal sealed class InterpretedModel
{
    private readonly Dictionary<string, int> _indexes;

    public InterpretedModel(string modelId, IReadOnlyList<InterpretedProperty> properties)
    {
        ModelId = modelId;
        Properties = properties;
        _indexes = new Dictionary<string, int>(properties.Count, StringComparer.Ordinal);
        for (int i = 0; i < properties.Count; i++)
        {
            _indexes.TryAdd(properties[i].JsonName, i);
        }
    }

    public string ModelId { get; }

    public IReadOnlyList<InterpretedProperty> Properties { get; }

    public int IndexOf(string name) => _indexes.TryGetValue(name, out int index) ? index : -1;

    /// <summary>Parses a body; every problem is reported in one <see cref="RequestJsonException"/>.</summary>
    public InterpretedRequest Parse(string json)
    {
        (InterpretedRequest request, IReadOnlyList<ValidationError> errors) = Read(json);
        return errors.Count == 0 ? request : throw new RequestJsonException(ModelId, errors);
    }

    /// <summary>
    /// Reads a body without throwing for what the schema rejects: the request holds every value that could be
    /// read (the others are unset), and the errors are those <see cref="Parse"/> would throw.
    /// </summary>
    /// <exception cref="RequestJsonException">The text is not a JSON object at all.</exception>
    public (InterpretedRequest Request, IReadOnlyList<ValidationError> Errors) Read(string json)
    {
        using RequestJsonReader reader = RequestJsonReader.Parse(ModelId, json);
        var values = new object?[Properties.Count];
        foreach (JsonProperty property in reader.Properties)
        {
            int index = IndexOf(property.Name);
            if (index < 0)
            {
                reader.Unknown(property);
                continue;
            }

            values[index] = ReadValue(reader, Properties[index], property);
        }

        for (int i = 0; i < Properties.Count; i++)
        {
            if (Properties[i].Required)
            {
                reader.Required(Properties[i].JsonName, values[i] is not null);
            }
        }

        return (new InterpretedRequest(this, values), [.. reader.Errors]);
    }

    private static object? ReadValue(RequestJsonReader reader, InterpretedProperty p, JsonProperty property)
    {
        if (p.IsArray)
        {
            return p.Kind switch
            {
                InterpretedKind.String => reader.ReadStringList(property),
                InterpretedKind.Media => reader.ReadMediaList(property),
                InterpretedKind.Int32 or InterpretedKind.Int64 => reader.ReadInt64List(property),
                InterpretedKind.Double => reader.ReadDoubleList(property),
                InterpretedKind.Boolean => reader.ReadBooleanList(property),
                _ => reader.ReadJsonList(property),
            };
        }

        return p.Kind switch
        {
            InterpretedKind.String => reader.ReadString(property),
            InterpretedKind.Media => reader.ReadMedia(property),
            InterpretedKind.Int32 => reader.ReadInt32(property) is int value ? (long)value : null,
            InterpretedKind.Int64 => reader.ReadInt64(property),
            InterpretedKind.Double => reader.ReadDouble(property),
            InterpretedKind.Boolean => reader.ReadBoolean(property),
            InterpretedKind.Enum when p.EnumIsString => reader.ReadStringEnum(property, p.StringMembers),
            InterpretedKind.Enum => reader.ReadIntegerEnum(property, p.IntegerMembers),
            _ => reader.ReadJson(property),
        };
    }
}
