using System.ComponentModel;
using System.Buffers;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RunComfy.Metadata;

/// <summary>Writes request fields for generated <c>WriteJson</c> methods, without reflection.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class RequestJsonWriter
{
    /// <summary>
    /// The writer options of <c>ToJson</c>: the body goes to an HTTP API, not into HTML, so non-ASCII
    /// text stays readable instead of being escaped.
    /// </summary>
    public static JsonWriterOptions Options { get; } = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The request body as JSON text. The UTF-8 buffer and the writer are kept per thread and reused
    /// (<see cref="Utf8JsonWriter.Reset(IBufferWriter{byte})"/>), so a call allocates only the string it returns.
    /// </summary>
    public static string ToJson(IRunComfyRequest request, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(request);
        ReusableJsonBuffer buffer = ReusableJsonBuffer.Rent(indented);
        Utf8JsonWriter writer = buffer.Start();
        request.WriteJson(writer);
        writer.Flush();
        string json = System.Text.Encoding.UTF8.GetString(buffer.Written);
        ReusableJsonBuffer.Return(buffer);
        return json;
    }

    /// <summary>Writes a string field (JSON null when the value is null).</summary>
    public static void WriteString(Utf8JsonWriter writer, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is null)
        {
            writer.WriteNull(name);
        }
        else
        {
            writer.WriteString(name, value);
        }
    }

    /// <summary>Writes a media field as its URL.</summary>
    public static void WriteMedia(Utf8JsonWriter writer, string name, MediaInput? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        WriteMediaValue(writer, value);
    }

    /// <summary>Writes a field of any JSON value.</summary>
    public static void WriteJson(Utf8JsonWriter writer, string name, System.Text.Json.JsonElement value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WritePropertyName(name);
        value.WriteTo(writer);
    }

    /// <summary>Writes an array of strings.</summary>
    public static void WriteStringList(Utf8JsonWriter writer, string name, IReadOnlyList<string>? values) =>
        WriteList(writer, name, values, static (w, v) => { if (v is null) { w.WriteNullValue(); } else { w.WriteStringValue(v); } });

    /// <summary>Writes an array of media URLs.</summary>
    public static void WriteMediaList(Utf8JsonWriter writer, string name, IReadOnlyList<MediaInput>? values) =>
        WriteList(writer, name, values, WriteMediaValue);

    /// <summary>Writes an array of integers.</summary>
    public static void WriteInt64List(Utf8JsonWriter writer, string name, IReadOnlyList<long>? values) =>
        WriteList(writer, name, values, static (w, v) => w.WriteNumberValue(v));

    /// <summary>Writes an array of numbers.</summary>
    public static void WriteDoubleList(Utf8JsonWriter writer, string name, IReadOnlyList<double>? values) =>
        WriteList(writer, name, values, static (w, v) => w.WriteNumberValue(v));

    /// <summary>Writes an array of booleans.</summary>
    public static void WriteBooleanList(Utf8JsonWriter writer, string name, IReadOnlyList<bool>? values) =>
        WriteList(writer, name, values, static (w, v) => w.WriteBooleanValue(v));

    /// <summary>Writes an array of any JSON values.</summary>
    public static void WriteJsonList(Utf8JsonWriter writer, string name, IReadOnlyList<System.Text.Json.JsonElement>? values) =>
        WriteList(writer, name, values, static (w, v) => v.WriteTo(w));

    private static void WriteMediaValue(Utf8JsonWriter writer, MediaInput? value)
    {
        if (value is null)
        {
            writer.WriteNullValue();
        }
        else
        {
            value.WriteTo(writer);
        }
    }

    private static void WriteList<T>(Utf8JsonWriter writer, string name, IReadOnlyList<T>? values, Action<Utf8JsonWriter, T> write)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (values is null)
        {
            writer.WriteNull(name);
            return;
        }

        writer.WriteStartArray(name);

        // By index: a foreach over the interface would box the list's enumerator on every write.
        for (int i = 0; i < values.Count; i++)
        {
            write(writer, values[i]);
        }

        writer.WriteEndArray();
    }
}
