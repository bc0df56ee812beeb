using System.Runtime.InteropServices;
using System.Text;
using System.Text.Json;

namespace RunComfy.Cli.Rendering;

/// <summary>
/// JSON that came from a server (a parameter's <c>default</c> and <c>enum</c> values, a model's <c>input_schema</c>)
/// written into <c>--json</c> output value by value, never as the server's text: every string and property name is
/// cleaned and cut like other server text (<see cref="Printable.Short"/>: no escape sequence, control character or
/// direction override, at most 500 characters), what is left is escaped by the JSON writer, and numbers are kept
/// digit for digit. JSON that cannot be read, or nested deeper than <see cref="MaxDepth"/>, is written as <c>null</c>.
/// A string or name with a lone surrogate escape (valid JSON, but no .NET string reads it) is shown as its escaped text.
/// </summary>
internal static class CleanJson
{
    /// <summary>The deepest nesting read; an input schema is a few levels deep.</summary>
    public const int MaxDepth = 64;

    public static void Write(Utf8JsonWriter writer, string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { MaxDepth = MaxDepth });
        }
        catch (JsonException)
        {
            writer.WriteNullValue();
            return;
        }

        using (document)
        {
            Write(writer, document.RootElement);
        }
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(Printable.Short(Name(property)));
                    Write(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    Write(writer, item);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(Printable.Short(Text(element)));
                break;
            case JsonValueKind.Number:
                // A number token is digits, sign, point and exponent only: its text is safe and exact.
                writer.WriteRawValue(element.GetRawText());
                break;
            case JsonValueKind.True:
                writer.WriteBooleanValue(true);
                break;
            case JsonValueKind.False:
                writer.WriteBooleanValue(false);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    /// <summary>The string, or its escaped text when it holds a lone surrogate escape (<c>"\ud800"</c>).</summary>
    private static string Text(JsonElement element)
    {
        try
        {
            return element.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            var raw = JsonMarshal.GetRawUtf8Value(element);
            return Encoding.UTF8.GetString(raw[1..^1]);
        }
    }

    /// <summary>The property's name, or its escaped text when it holds a lone surrogate escape.</summary>
    private static string Name(JsonProperty property)
    {
        try
        {
            return property.Name;
        }
        catch (InvalidOperationException)
        {
            return Encoding.UTF8.GetString(JsonMarshal.GetRawUtf8PropertyName(property));
        }
    }
}
