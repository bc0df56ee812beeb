using System.Buffers;
using System.ComponentModel;
using System.Text;
using System.Text.Json;

namespace RunComfy.Metadata;

/// <summary>
/// The forward-only reader behind generated <c>FromJson</c> methods: one pass of a <see cref="Utf8JsonReader"/>
/// over the body's UTF-8 bytes, property names compared as UTF-8 by the generated code, a byte per property
/// for "seen" and "present", and no error list until the first problem. It reports exactly what
/// <see cref="RequestJsonReader"/> (the interpreter's reader, built on <see cref="JsonDocument"/>) reports:
/// the same paths, rules and messages in the same order; the differential test holds the two equal.
/// </summary>
/// <remarks>
/// Generated code creates it, loops on <see cref="NextProperty"/>, matches <see cref="Name"/>, calls
/// <see cref="Claim"/> and one <c>Read...</c> method per known property or <see cref="Unknown"/>, then
/// <see cref="Required"/> and <see cref="ThrowIfErrors"/>; a <see cref="JsonException"/> on the way becomes
/// <see cref="InvalidJson"/>, and <see cref="Dispose"/> gives the buffers back.
/// </remarks>
[EditorBrowsable(EditorBrowsableState.Never)]
public ref struct RequestBodyReader
{
    // Transcoding refuses ill-formed UTF-16 instead of sending U+FFFD in its place.
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private const byte SeenNull = 1;
    private const byte SeenValue = 2;

    private readonly string _modelId;
    private readonly Span<byte> _states;
    private readonly byte[] _utf8;
    private Utf8JsonReader _json;
    private ReadOnlySpan<byte> _name;
    private byte[]? _nameBuffer;
    private List<ValidationError>? _errors;
    private HashSet<string>? _unknownNames;

    /// <summary>
    /// Starts reading <paramref name="json"/>; <paramref name="states"/> holds one byte per property of the model
    /// (zeroed, e.g. <c>stackalloc</c>). Throws when the text is not a JSON object.
    /// </summary>
    /// <exception cref="RequestJsonException">The text is not well-formed Unicode, not JSON, or not a JSON object.</exception>
    public RequestBodyReader(string modelId, string json, Span<byte> states)
    {
        ArgumentNullException.ThrowIfNull(json);
        _modelId = modelId;
        _states = states;
        _utf8 = ArrayPool<byte>.Shared.Rent(StrictUtf8.GetMaxByteCount(json.Length));
        int length;
        try
        {
            length = StrictUtf8.GetBytes(json, _utf8);
        }
        catch (EncoderFallbackException)
        {
            ArrayPool<byte>.Shared.Return(_utf8);
            throw new RequestJsonException(modelId, [RequestJsonReader.IllFormedText(json)]);
        }

        _json = new Utf8JsonReader(_utf8.AsSpan(0, length), new JsonReaderOptions());
        try
        {
            _json.Read();
            if (_json.TokenType != JsonTokenType.StartObject)
            {
                // The whole text is checked first, as JsonDocument does: broken JSON is reported as such.
                JsonTokenType root = _json.TokenType;
                _json.Skip();
                _json.Read();
                throw new RequestJsonException(modelId, [RequestJsonReader.NotAnObject(Describe(root))]);
            }
        }
        catch (JsonException ex)
        {
            ArrayPool<byte>.Shared.Return(_utf8);
            throw new RequestJsonException(modelId, [RequestJsonReader.InvalidJson(ex)]);
        }
        catch (RequestJsonException)
        {
            ArrayPool<byte>.Shared.Return(_utf8);
            throw;
        }
    }

    /// <summary>The name of the current property, unescaped, as UTF-8.</summary>
    public readonly ReadOnlySpan<byte> Name => _name;

    /// <summary>
    /// Moves to the next property and onto its value; false at the end of the object. A name with a lone
    /// surrogate escape is reported and its property skipped, as <see cref="RequestJsonReader.Properties"/> does.
    /// </summary>
    public bool NextProperty()
    {
        while (true)
        {
            _json.Read();
            if (_json.TokenType == JsonTokenType.EndObject)
            {
                // Anything but white space after the object throws here.
                _json.Read();
                return false;
            }

            bool wellFormed = ReadName();
            _json.Read();
            if (wellFormed)
            {
                return true;
            }

            AddError(RequestJsonReader.IllFormedName());
            _json.Skip();
        }
    }

    /// <summary>
    /// Marks property <paramref name="index"/> as seen; false (and the value skipped) when it was seen before,
    /// which is reported as <c>duplicate</c>.
    /// </summary>
    public bool Claim(int index, string name)
    {
        if (_states[index] != 0)
        {
            AddError(RequestJsonReader.Duplicate(name));
            _json.Skip();
            return false;
        }

        _states[index] = _json.TokenType == JsonTokenType.Null ? SeenNull : SeenValue;
        return true;
    }

    /// <summary>Reports the current property as not a parameter of the model (or as a repeat of such a one) and skips its value.</summary>
    public void Unknown()
    {
        string name = Encoding.UTF8.GetString(_name);
        _unknownNames ??= new HashSet<string>(StringComparer.Ordinal);
        AddError(_unknownNames.Add(name) ? RequestJsonReader.UnknownField(name, _modelId) : RequestJsonReader.Duplicate(name));
        _json.Skip();
    }

    /// <summary>Reads a string.</summary>
    public string? ReadString(string name)
    {
        if (!Expect(JsonTokenType.String, name, "a string"))
        {
            return null;
        }

        return GetString(name);
    }

    /// <summary>Reads a media value (a URL string).</summary>
    public MediaInput? ReadMedia(string name) => ReadString(name) is string url ? MediaInput.FromUrl(url) : null;

    /// <summary>Reads an integer that must fit in <see cref="int"/>.</summary>
    public int? ReadInt32(string name)
    {
        long? value = ReadInt64(name);
        if (value is long number && (number < int.MinValue || number > int.MaxValue))
        {
            AddError(RequestJsonReader.OutOfInt32(name, number));
            return null;
        }

        return (int?)value;
    }

    /// <summary>Reads an integer (<c>2.0</c> counts as the integer 2).</summary>
    public long? ReadInt64(string name)
    {
        if (_json.TokenType == JsonTokenType.Null)
        {
            return null;
        }

        if (_json.TokenType != JsonTokenType.Number)
        {
            TypeError(name, "an integer");
            return null;
        }

        return GetInteger(name, out long value) ? value : null;
    }

    /// <summary>Reads a number.</summary>
    public double? ReadDouble(string name) =>
        Expect(JsonTokenType.Number, name, "a number") && GetDouble(name, out double value) ? value : null;

    /// <summary>Reads a boolean.</summary>
    public bool? ReadBoolean(string name)
    {
        switch (_json.TokenType)
        {
            case JsonTokenType.True: return true;
            case JsonTokenType.False: return false;
            case JsonTokenType.Null: return null;
            default:
                TypeError(name, "a boolean");
                return null;
        }
    }

    /// <summary>Reads a value of any JSON type (its own copy).</summary>
    public JsonElement? ReadJson(string name) =>
        _json.TokenType == JsonTokenType.Null ? null : JsonElement.ParseValue(ref _json);

    /// <summary>
    /// Reads a string enum: the value's UTF-8 bytes, unescaped (<c>"\u0061"</c> is <c>a</c>), are matched by
    /// <paramref name="tryParse"/>, so a member costs no string. A value that is not a member is read as text
    /// only to report it.
    /// </summary>
    public TEnum? ReadStringEnum<TEnum>(string name, Utf8EnumParser<TEnum> tryParse)
        where TEnum : struct
    {
        ArgumentNullException.ThrowIfNull(tryParse);
        if (!Expect(JsonTokenType.String, name, "a string"))
        {
            return null;
        }

        if (MatchUtf8(tryParse, out TEnum value))
        {
            return value;
        }

        // Not a member, or a lone surrogate escape: the string path reports it exactly as for any string.
        if (GetString(name) is string text)
        {
            AddError(RequestJsonReader.StringEnum(name, text));
        }

        return null;
    }

    /// <summary>Reads an integer enum.</summary>
    public TEnum? ReadIntegerEnum<TEnum>(string name, EnumParser<long, TEnum> tryParse)
        where TEnum : struct
    {
        ArgumentNullException.ThrowIfNull(tryParse);
        if (ReadInt64(name) is not long number)
        {
            return null;
        }

        if (tryParse(number, out TEnum value))
        {
            return value;
        }

        AddError(RequestJsonReader.IntegerEnum(name, number));
        return null;
    }

    /// <summary>Reads an array of strings.</summary>
    public IReadOnlyList<string>? ReadStringList(string name)
    {
        if (!Expect(JsonTokenType.StartArray, name, "an array"))
        {
            return null;
        }

        var items = new List<string>();
        bool ok = true;
        for (int index = 0; NextItem(); index++)
        {
            string path = ValidationCollector.ItemPath(name, index);
            if (ItemIs(JsonTokenType.String, path, "a string") && GetString(path) is string text)
            {
                items.Add(text);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? items : null;
    }

    /// <summary>Reads an array of media URLs.</summary>
    public IReadOnlyList<MediaInput>? ReadMediaList(string name)
    {
        if (!Expect(JsonTokenType.StartArray, name, "an array"))
        {
            return null;
        }

        var items = new List<MediaInput>();
        bool ok = true;
        for (int index = 0; NextItem(); index++)
        {
            string path = ValidationCollector.ItemPath(name, index);
            if (ItemIs(JsonTokenType.String, path, "a string") && GetString(path) is string url)
            {
                items.Add(MediaInput.FromUrl(url));
            }
            else
            {
                ok = false;
            }
        }

        return ok ? items : null;
    }

    /// <summary>Reads an array of integers.</summary>
    public IReadOnlyList<long>? ReadInt64List(string name)
    {
        if (!Expect(JsonTokenType.StartArray, name, "an array"))
        {
            return null;
        }

        var items = new List<long>();
        bool ok = true;
        for (int index = 0; NextItem(); index++)
        {
            string path = ValidationCollector.ItemPath(name, index);
            if (ItemIs(JsonTokenType.Number, path, "an integer") && GetInteger(path, out long value))
            {
                items.Add(value);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? items : null;
    }

    /// <summary>Reads an array of numbers.</summary>
    public IReadOnlyList<double>? ReadDoubleList(string name)
    {
        if (!Expect(JsonTokenType.StartArray, name, "an array"))
        {
            return null;
        }

        var items = new List<double>();
        bool ok = true;
        for (int index = 0; NextItem(); index++)
        {
            string path = ValidationCollector.ItemPath(name, index);
            if (ItemIs(JsonTokenType.Number, path, "a number") && GetDouble(path, out double value))
            {
                items.Add(value);
            }
            else
            {
                ok = false;
            }
        }

        return ok ? items : null;
    }

    /// <summary>Reads an array of booleans.</summary>
    public IReadOnlyList<bool>? ReadBooleanList(string name)
    {
        if (!Expect(JsonTokenType.StartArray, name, "an array"))
        {
            return null;
        }

        var items = new List<bool>();
        bool ok = true;
        for (int index = 0; NextItem(); index++)
        {
            if (_json.TokenType is JsonTokenType.True or JsonTokenType.False)
            {
                items.Add(_json.TokenType == JsonTokenType.True);
            }
            else
            {
                TypeError(ValidationCollector.ItemPath(name, index), "a boolean");
                ok = false;
            }
        }

        return ok ? items : null;
    }

    /// <summary>Reads an array of any JSON values (their own copies).</summary>
    public IReadOnlyList<JsonElement>? ReadJsonList(string name)
    {
        if (!Expect(JsonTokenType.StartArray, name, "an array"))
        {
            return null;
        }

        var items = new List<JsonElement>();
        while (NextItem())
        {
            items.Add(JsonElement.ParseValue(ref _json));
        }

        return items;
    }

    /// <summary>Reports a required property that was absent or null (one present but mistyped is already reported).</summary>
    public void Required(int index, string name, bool present)
    {
        if (!present && _states[index] != SeenValue)
        {
            AddError(RequestJsonReader.Missing(name));
        }
    }

    /// <summary>Throws one <see cref="RequestJsonException"/> listing every problem found.</summary>
    /// <exception cref="RequestJsonException">At least one problem was found.</exception>
    public readonly void ThrowIfErrors()
    {
        if (_errors is { Count: > 0 })
        {
            throw new RequestJsonException(_modelId, [.. _errors]);
        }
    }

    /// <summary>The exception for text that turned out not to be JSON: only that is reported, as when the whole text is parsed first.</summary>
    public readonly RequestJsonException InvalidJson(JsonException exception) =>
        new(_modelId, [RequestJsonReader.InvalidJson(exception)]);

    /// <summary>Gives the buffers back.</summary>
    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_utf8);
        if (_nameBuffer is not null)
        {
            ArrayPool<byte>.Shared.Return(_nameBuffer);
            _nameBuffer = null;
        }
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>The unescaped name of the property token; false for a name with a lone surrogate escape.</summary>
    private bool ReadName()
    {
        if (!_json.ValueIsEscaped)
        {
            _name = _json.ValueSpan;
            return true;
        }

        // Unescaped text is never longer than the escaped text.
        int needed = _json.ValueSpan.Length;
        if (_nameBuffer is null || _nameBuffer.Length < needed)
        {
            if (_nameBuffer is not null)
            {
                ArrayPool<byte>.Shared.Return(_nameBuffer);
            }

            _nameBuffer = ArrayPool<byte>.Shared.Rent(needed);
        }

        try
        {
            _name = _nameBuffer.AsSpan(0, _json.CopyString(_nameBuffer));
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Matches the current string's unescaped UTF-8; false when no member matches or the string has a lone
    /// surrogate escape (which has no UTF-8 form).
    /// </summary>
    private bool MatchUtf8<TEnum>(Utf8EnumParser<TEnum> tryParse, out TEnum value)
        where TEnum : struct
    {
        if (!_json.ValueIsEscaped)
        {
            return tryParse(_json.ValueSpan, out value);
        }

        // Unescaped text is never longer than the escaped text; enum values are short, so the stack usually holds it.
        const int StackBytes = 256;
        int needed = _json.ValueSpan.Length;
        byte[]? rented = null;
        Span<byte> buffer = needed <= StackBytes ? stackalloc byte[StackBytes] : (rented = ArrayPool<byte>.Shared.Rent(needed));
        try
        {
            return tryParse(buffer[.._json.CopyString(buffer)], out value);
        }
        catch (InvalidOperationException)
        {
            value = default;
            return false;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Moves onto the next item of the current array; false at its end.</summary>
    private bool NextItem() => _json.Read() && _json.TokenType != JsonTokenType.EndArray;

    private void AddError(ValidationError error) => (_errors ??= []).Add(error);

    private bool Expect(JsonTokenType token, string path, string description)
    {
        if (_json.TokenType == token)
        {
            return true;
        }

        if (_json.TokenType != JsonTokenType.Null)
        {
            TypeError(path, description);
        }

        return false;
    }

    /// <summary>An item of the wrong JSON type is reported (null included) and skipped.</summary>
    private bool ItemIs(JsonTokenType token, string path, string description)
    {
        if (_json.TokenType == token)
        {
            return true;
        }

        TypeError(path, description);
        return false;
    }

    /// <summary>Reports the current value's type and skips it.</summary>
    private void TypeError(string path, string expected)
    {
        AddError(RequestJsonReader.TypeMismatch(path, expected, Describe(_json.TokenType)));
        _json.Skip();
    }

    private string? GetString(string path)
    {
        try
        {
            return _json.GetString();
        }
        catch (InvalidOperationException)
        {
            AddError(RequestJsonReader.LoneSurrogate(path));
            return null;
        }
    }

    /// <summary>The current number as an integer; false (reported) when it is not one or does not fit.</summary>
    private bool GetInteger(string path, out long value)
    {
        if (_json.TryGetInt64(out value))
        {
            return true;
        }

        bool isDouble = _json.TryGetDouble(out double number);
        if (isDouble && Math.Floor(number) == number && number >= long.MinValue && number < long.MaxValue)
        {
            value = (long)number;
            return true;
        }

        string raw = Encoding.UTF8.GetString(_json.ValueSpan);
        AddError(!isDouble || !double.IsFinite(number) || Math.Floor(number) == number
            ? RequestJsonReader.OutOfInt64(path, raw)
            : RequestJsonReader.NotInteger(path, raw));
        return false;
    }

    private bool GetDouble(string path, out double value)
    {
        if (_json.TryGetDouble(out value) && double.IsFinite(value))
        {
            return true;
        }

        AddError(RequestJsonReader.OutOfDouble(path, Encoding.UTF8.GetString(_json.ValueSpan)));
        return false;
    }
}
