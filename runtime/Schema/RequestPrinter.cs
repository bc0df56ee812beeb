using System.ComponentModel;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.Unicode;
using System.Text.Json;
using RunComfy.Client.Wire;

namespace RunComfy.Metadata;

/// <summary>
/// Writes the members of a generated request for its <c>ToString()</c> (the record's <c>PrintMembers</c>):
/// strings quoted and cut at <see cref="MaxStringLength"/> characters, lists item by item (at most
/// <see cref="MaxItems"/>), media by <see cref="MediaInput.ToString"/> (no query strings, no data URI content),
/// enums by their JSON value, unset optional members left out, and the whole text cut at
/// <see cref="MaxTotalLength"/> characters. Only generated code calls it.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public sealed class RequestPrinter
{
    /// <summary>Characters of one string value shown before it is cut.</summary>
    public const int MaxStringLength = 100;

    /// <summary>Items of one list shown before the rest are only counted.</summary>
    public const int MaxItems = 10;

    /// <summary>Characters the members may take in all; past it, the rest is replaced by <c>…</c>.</summary>
    public const int MaxTotalLength = 2000;

    private readonly StringBuilder _builder;
    private readonly int _start;
    private bool _first = true;
    private bool _full;

    /// <summary>A printer that appends to <paramref name="builder"/> (the one the record's <c>ToString()</c> passes).</summary>
    public RequestPrinter(StringBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        _builder = builder;
        _start = builder.Length;
    }

    /// <summary>A string member; left out when null and optional.</summary>
    public void String(string name, string? value, bool required = false) => Member(name, value is null ? null : Quote(value), required);

    /// <summary>A media member.</summary>
    public void Media(string name, MediaInput? value, bool required = false) => Member(name, value?.ToString(), required);

    /// <summary>An integer member.</summary>
    public void Number(string name, long? value, bool required = false) => Member(name, value?.ToString(CultureInfo.InvariantCulture), required);

    /// <summary>A number member (shortest round-trip form).</summary>
    public void Number(string name, double? value, bool required = false) => Member(name, value?.ToString("R", CultureInfo.InvariantCulture), required);

    /// <summary>A boolean member.</summary>
    public void Boolean(string name, bool? value, bool required = false) => Member(name, value is bool b ? (b ? "true" : "false") : null, required);

    /// <summary>An untyped JSON member, as compact JSON cut like a string.</summary>
    public void Json(string name, JsonElement? value, bool required = false) => Member(name, value is JsonElement json ? JsonText(json) : null, required);

    /// <summary>A string enum member, by its JSON value (a value that is not a member prints as its number).</summary>
    public void Enum<TEnum>(string name, TEnum? value, Func<TEnum, bool> isDefined, Func<TEnum, string> toJson, bool required = false)
        where TEnum : struct
    {
        ArgumentNullException.ThrowIfNull(isDefined);
        ArgumentNullException.ThrowIfNull(toJson);
        Member(name, value is TEnum v ? (isDefined(v) ? Quote(toJson(v)) : Undefined(v)) : null, required);
    }

    /// <summary>An integer enum member, by its JSON value.</summary>
    public void Enum<TEnum>(string name, TEnum? value, Func<TEnum, bool> isDefined, Func<TEnum, long> toJson, bool required = false)
        where TEnum : struct
    {
        ArgumentNullException.ThrowIfNull(isDefined);
        ArgumentNullException.ThrowIfNull(toJson);
        Member(name, value is TEnum v ? (isDefined(v) ? toJson(v).ToString(CultureInfo.InvariantCulture) : Undefined(v)) : null, required);
    }

    /// <summary>A list of strings.</summary>
    public void List(string name, IReadOnlyList<string>? items, bool required = false) => Member(name, Items(items, Quote), required);

    /// <summary>A list of media inputs.</summary>
    public void List(string name, IReadOnlyList<MediaInput>? items, bool required = false) => Member(name, Items(items, m => m.ToString()), required);

    /// <summary>A list of 32-bit integers.</summary>
    public void List(string name, IReadOnlyList<int>? items, bool required = false) => Member(name, Items(items, i => i.ToString(CultureInfo.InvariantCulture)), required);

    /// <summary>A list of integers.</summary>
    public void List(string name, IReadOnlyList<long>? items, bool required = false) => Member(name, Items(items, i => i.ToString(CultureInfo.InvariantCulture)), required);

    /// <summary>A list of numbers.</summary>
    public void List(string name, IReadOnlyList<double>? items, bool required = false) => Member(name, Items(items, d => d.ToString("R", CultureInfo.InvariantCulture)), required);

    /// <summary>A list of booleans.</summary>
    public void List(string name, IReadOnlyList<bool>? items, bool required = false) => Member(name, Items(items, b => b ? "true" : "false"), required);

    /// <summary>A list of untyped JSON values.</summary>
    public void List(string name, IReadOnlyList<JsonElement>? items, bool required = false) => Member(name, Items(items, JsonText), required);

    /// <summary>Ends the members; true, as <c>PrintMembers</c> returns.</summary>
    public bool Done() => true;

    private void Member(string name, string? value, bool required)
    {
        if (_full || (value is null && !required))
        {
            return;
        }

        string text = (_first ? string.Empty : ", ") + name + " = " + (value ?? "null");
        _first = false;
        int room = MaxTotalLength - (_builder.Length - _start);
        if (text.Length > room)
        {
            room = Math.Max(0, room);
            if (room > 0 && char.IsHighSurrogate(text[room - 1]))
            {
                room--;
            }

            _builder.Append(text, 0, room).Append('\u2026');
            _full = true;
            return;
        }

        _builder.Append(text);
    }

    private static string? Items<T>(IReadOnlyList<T>? items, Func<T, string> format)
    {
        if (items is null)
        {
            return null;
        }

        var builder = new StringBuilder("[");
        int shown = Math.Min(items.Count, MaxItems);
        for (int i = 0; i < shown; i++)
        {
            builder.Append(i == 0 ? string.Empty : ", ").Append(items[i] is null ? "null" : format(items[i]));
        }

        if (items.Count > shown)
        {
            builder.Append(", \u2026(").Append(items.Count.ToString("N0", CultureInfo.InvariantCulture)).Append(" items)");
        }

        return builder.Append(']').ToString();
    }

    /// <summary>A string in double quotes, control characters escaped, cut at <see cref="MaxStringLength"/>.</summary>
    private static string Quote(string value)
    {
        var builder = new StringBuilder("\"");
        int shown = value.Length <= MaxStringLength ? value.Length : char.IsHighSurrogate(value[MaxStringLength - 1]) ? MaxStringLength - 1 : MaxStringLength;
        for (int i = 0; i < shown; i++)
        {
            char c = value[i];
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (DisplayText.IsUnsafe(c))
                    {
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        builder.Append(c);
                    }

                    break;
            }
        }

        builder.Append('"');
        if (shown < value.Length)
        {
            builder.Append("\u2026(").Append(value.Length.ToString("N0", CultureInfo.InvariantCulture)).Append(" chars)");
        }

        return builder.ToString();
    }

    /// <summary>
    /// A JSON value's text cut at <see cref="MaxStringLength"/> characters, control and format characters replaced.
    /// Only the shown characters are decoded from the document's UTF-8 (the rest is counted, not copied), so a
    /// 10 MB value prints as briefly, and allocates as little, as a short one.
    /// </summary>
    private static string JsonText(JsonElement json)
    {
        ReadOnlySpan<byte> raw;
        try
        {
            if (json.ValueKind == JsonValueKind.Undefined)
            {
                return "undefined";
            }

            raw = JsonMarshal.GetRawUtf8Value(json);
        }
        catch (ObjectDisposedException)
        {
            // An element of a JsonDocument the caller has disposed: ToString must not throw (debuggers, logs).
            return "(disposed JSON)";
        }

        // Stops before a character that does not fit whole: a surrogate pair is never cut in two.
        Span<char> shown = stackalloc char[MaxStringLength];
        Utf8.ToUtf16(raw, shown, out int read, out int written);
        var builder = DisplayText.AppendVisible(new StringBuilder(), shown[..written]);
        if (read < raw.Length)
        {
            int length = Encoding.UTF8.GetCharCount(raw);
            builder.Append("\u2026(").Append(length.ToString("N0", CultureInfo.InvariantCulture)).Append(" chars)");
        }

        return builder.ToString();
    }

    private static string Undefined<TEnum>(TEnum value)
        where TEnum : struct => value.ToString() ?? string.Empty;
}
