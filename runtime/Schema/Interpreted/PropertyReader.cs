using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using RunComfy.Media.Rules;

namespace RunComfy.Schema.Interpreted;

/// <summary>
/// Reads one property schema the way the generator's <c>PropertyNormalizer</c>, <c>SchemaParser.BuildProperty</c>,
/// <c>EnumBuilder</c> and <c>ItemRulesBuilder</c> do: the same type inference, the same keywords kept or
/// ignored, the same warnings. A step-by-step port, kept in the generator's order so the two can be read side by side.
/// </summary>
internal sealed class PropertyReader
{
    private static readonly string[] KnownTypes = ["string", "integer", "number", "boolean", "array", "object", "null"];
    private static readonly string[] CountKeywords = ["minLength", "maxLength", "minItems", "maxItems"];
    private static readonly string[] LimitKeywords = ["minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"];
    private static readonly string[] UnsupportedKeywords =
    [
        "multipleOf", "uniqueItems", "oneOf", "anyOf", "allOf", "not", "$ref", "if", "then", "else",
        "properties", "additionalProperties", "patternProperties", "required", "minProperties", "maxProperties",
        "dependencies", "dependentRequired", "dependentSchemas", "propertyNames", "contains", "minContains",
        "maxContains", "additionalItems", "prefixItems", "unevaluatedItems", "unevaluatedProperties",
    ];

    private static readonly string[] UnsupportedItemKeywords = ["items", "const", "validations", "validation_error"];
    private static readonly string[] TextKeywords = ["title", "description", "format"];

    private readonly List<SchemaProblem> _problems;
    private readonly EmittedNames? _names;

    /// <param name="problems">Receives every warning.</param>
    /// <param name="names">Receives the names of each enum kept, for the RCS0022 check.</param>
    public PropertyReader(List<SchemaProblem> problems, EmittedNames? names = null)
    {
        _problems = problems;
        _names = names;
    }

    public InterpretedProperty Read(string name, JsonElement element, string memberName, bool required)
    {
        var schema = new SchemaObject(element);
        bool typeRemoved = false;
        string? type = NormalizeType(name, schema, isItems: false, ref typeRemoved);
        foreach (string keyword in TextKeywords)
        {
            RequireString(name, schema, keyword, string.Empty);
        }

        string? format = schema.String("format");
        Limits limits = NormalizeNumbers(name, schema, type == "integer", string.Empty);
        NormalizePattern(name, schema, string.Empty);
        ReportUnsupported(name, schema, string.Empty, UnsupportedKeywords);
        JsonElement? enumValues = ReadEnum(name, schema);
        Items? items = ReadItems(name, schema);
        (bool hasValidations, List<MediaRule> mediaRules) = ReadValidations(name, schema);

        string? defaultJson = null;
        if (schema.TryGet("default", out JsonElement defaultValue) && SchemaNumbers.ContainsNonFinite(defaultValue))
        {
            // Its text would not be JSON ("Infinity"), and it is shown in docs and metadata as JSON.
            Ignore(name, "default holds a number that is not finite (NaN, Infinity or beyond ±1.8E+308)");
        }
        else if (schema.TryGet("default", out defaultValue) && defaultValue.ValueKind != JsonValueKind.Null)
        {
            defaultJson = SchemaJsonText.Compact(defaultValue);
        }

        JsonElement? constValue = schema.TryGet("const", out JsonElement constElement) ? constElement : null;
        string? validationError = null;
        if (schema.TryGet("validation_error", out JsonElement message))
        {
            if (message.ValueKind == JsonValueKind.String)
            {
                validationError = message.GetString();
            }
            else
            {
                Ignore(name, "validation_error must be a string");
            }
        }

        if (type is null && (!schema.Has("type") || typeRemoved))
        {
            // No type keyword: infer the obvious cases so a media property is still typed.
            if (IsSingleMedia(format))
            {
                type = "string";
            }
            else if (IsMediaArray(format) || items is not null)
            {
                type = "array";
            }
            else if (enumValues is JsonElement values && values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.String))
            {
                type = "string";
            }
            else if (enumValues is JsonElement integers && integers.EnumerateArray().All(SchemaJsonText.IsInteger))
            {
                type = "integer";
            }
        }

        return Build(name, memberName, required, schema, type, format, limits, enumValues, items, hasValidations, mediaRules, defaultJson, constValue, validationError);
    }

    private InterpretedProperty Build(
        string name,
        string memberName,
        bool required,
        SchemaObject schema,
        string? type,
        string? format,
        Limits limits,
        JsonElement? enumValues,
        Items? items,
        bool hasValidations,
        List<MediaRule> mediaRules,
        string? defaultJson,
        JsonElement? constValue,
        string? validationError)
    {
        bool isArray = type == "array";
        InterpretedKind kind = isArray ? ArrayItemKind(format, items, hasValidations) : ScalarKind(type, format, limits, hasValidations);
        var enumJson = new List<string>();
        bool enumIsString = false;
        IReadOnlyList<string> stringMembers = [];
        IReadOnlyList<long> integerMembers = [];
        if (enumValues is JsonElement values)
        {
            enumJson.AddRange(values.EnumerateArray().Select(SchemaJsonText.Compact));
            if (!isArray && kind is InterpretedKind.String or InterpretedKind.Int32 or InterpretedKind.Int64)
            {
                bool isString = kind == InterpretedKind.String;
                if (TryBuildEnum(name, values, isString, out stringMembers, out integerMembers, out List<string> enumMemberNames))
                {
                    _names?.AddEnum(memberName, isString, enumMemberNames);
                    kind = InterpretedKind.Enum;
                    enumIsString = isString;
                }
                else
                {
                    enumJson.Clear();
                }
            }
            else if (!isArray && kind == InterpretedKind.Double && !values.EnumerateArray().All(v => v.ValueKind == JsonValueKind.Number))
            {
                Ignore(name, "enum values of a number property must be numbers");
                enumJson.Clear();
            }
            else if (isArray || kind != InterpretedKind.Double)
            {
                Ignore(name, "enum is supported on string, integer and number properties only");
                enumJson.Clear();
            }
            else if (values.EnumerateArray().FirstOrDefault(v => !SchemaNumbers.TryDouble(v, out _)) is { ValueKind: JsonValueKind.Number } nonFinite)
            {
                // Written as double literals: each value must be finite.
                Ignore(name, "enum value " + SchemaNumbers.Problem(nonFinite, integer: false));
                enumJson.Clear();
            }
        }

        return new InterpretedProperty
        {
            JsonName = name,
            MemberName = memberName,
            IsArray = isArray,
            Kind = kind,
            Required = required,
            SchemaType = type ?? "any",
            Format = format,
            ItemType = items?.Type,
            ItemFormat = items?.Format,
            Title = schema.String("title"),
            Description = schema.String("description"),
            DefaultJson = defaultJson,
            EnumJson = enumJson,
            EnumIsString = enumIsString,
            StringMembers = stringMembers,
            IntegerMembers = integerMembers,
            Minimum = limits.Minimum,
            Maximum = limits.Maximum,
            ExclusiveMinimum = limits.ExclusiveMinimum,
            ExclusiveMaximum = limits.ExclusiveMaximum,
            MinLength = Count(schema, "minLength"),
            MaxLength = Count(schema, "maxLength"),
            MinItems = Count(schema, "minItems"),
            MaxItems = Count(schema, "maxItems"),
            Pattern = schema.String("pattern"),
            ConstJson = ConstText(name, constValue, kind, isArray),
            ValidationError = validationError,
            MediaRules = mediaRules,
            ItemRules = isArray && items is not null ? BuildItemRules(name, items, kind) : null,
        };
    }

    private static InterpretedKind ScalarKind(string? type, string? format, Limits limits, bool hasValidations) => type switch
    {
        "string" => IsSingleMedia(format) || hasValidations ? InterpretedKind.Media : InterpretedKind.String,
        "integer" => FitsInt32(limits.Minimum) && FitsInt32(limits.Maximum) ? InterpretedKind.Int32 : InterpretedKind.Int64,
        "number" => InterpretedKind.Double,
        "boolean" => InterpretedKind.Boolean,
        _ => InterpretedKind.Json,
    };

    private static InterpretedKind ArrayItemKind(string? format, Items? items, bool hasValidations)
    {
        if (IsMediaArray(format) || IsSingleMedia(items?.Format) || hasValidations)
        {
            return InterpretedKind.Media;
        }

        return items?.Type switch
        {
            "string" => InterpretedKind.String,
            "integer" => InterpretedKind.Int64,
            "number" => InterpretedKind.Double,
            "boolean" => InterpretedKind.Boolean,
            _ => InterpretedKind.Json,
        };
    }

    private bool TryBuildEnum(string name, JsonElement values, bool isString, out IReadOnlyList<string> strings, out IReadOnlyList<long> integers, out List<string> names)
    {
        names = [];
        var stringMembers = new List<string>();
        var integerMembers = new List<long>();
        strings = stringMembers;
        integers = integerMembers;
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (JsonElement value in values.EnumerateArray())
        {
            string text;
            string memberName;
            if (isString)
            {
                if (value.ValueKind != JsonValueKind.String)
                {
                    Ignore(name, "enum value " + SchemaJsonText.Compact(value) + " of a string property is not a string");
                    return false;
                }

                text = value.GetString()!;
                memberName = NamingRule.Identifier(text);
                if (memberName.Length == 0)
                {
                    memberName = text.Length == 0 ? "Empty" : "Value";
                }
            }
            else
            {
                // An integral float (2.0) is an integer; anything else, or beyond 64 bits, drops the enum.
                if (!SchemaNumbers.TryInt64(value, out long integer))
                {
                    string problem = value.ValueKind == JsonValueKind.Number
                        ? SchemaNumbers.Problem(value, integer: true)
                        : SchemaNumbers.Quote(SchemaJsonText.Compact(value)) + " is not an integer";
                    Ignore(name, "enum value " + problem);
                    return false;
                }

                text = integer.ToString(CultureInfo.InvariantCulture);
                memberName = integer < 0 ? "Minus" + (-(decimal)integer).ToString(CultureInfo.InvariantCulture) : "_" + text;
                if (seen.Contains(text))
                {
                    _problems.Add(SchemaProblems.DuplicateEnumValue(name, SchemaJsonText.Compact(value)));
                    continue;
                }

                integerMembers.Add(integer);
            }

            if (!seen.Add(text))
            {
                _problems.Add(SchemaProblems.DuplicateEnumValue(name, SchemaJsonText.Compact(value)));
                continue;
            }

            if (isString)
            {
                stringMembers.Add(text);
            }

            string unique = NamingRule.Unique(memberName, taken);
            if (unique != memberName)
            {
                _problems.Add(SchemaProblems.EnumMemberClash(SchemaJsonText.Compact(value), name, memberName, unique));
            }

            taken.Add(unique);
            names.Add(unique);
        }

        return true;
    }

    private InterpretedItemRules? BuildItemRules(string name, Items items, InterpretedKind kind)
    {
        SchemaObject schema = items.Schema;
        bool isText = kind is InterpretedKind.String or InterpretedKind.Media;
        bool isNumber = kind is InterpretedKind.Int64 or InterpretedKind.Double;
        Limits limits = items.Limits;
        int? minLength = null, maxLength = null;
        string? pattern = null;
        if (isText)
        {
            minLength = Count(schema, "minLength");
            maxLength = Count(schema, "maxLength");
            pattern = schema.String("pattern");
        }
        else
        {
            foreach (string keyword in new[] { "minLength", "maxLength", "pattern" }.Where(schema.Has))
            {
                _problems.Add(SchemaProblems.UnsupportedKeyword(name, "items." + keyword));
            }
        }

        if (!isNumber)
        {
            foreach (string keyword in LimitKeywords.Where(k => limits.Get(k) is not null))
            {
                _problems.Add(SchemaProblems.UnsupportedKeyword(name, "items." + keyword));
            }

            limits = new Limits();
        }

        var enumValues = new List<string>();
        if (schema.TryGet("enum", out JsonElement values) && values.ValueKind == JsonValueKind.Array)
        {
            if (kind == InterpretedKind.String || isNumber)
            {
                // Strings as their value, numbers as finite number text; the first value that does not fit drops the keyword.
                foreach (JsonElement value in values.EnumerateArray())
                {
                    if (ItemEnumValue(value, kind, out string problem) is not { } text)
                    {
                        Ignore(name, "items.enum value " + problem);
                        enumValues.Clear();
                        break;
                    }

                    enumValues.Add(text);
                }
            }
            else
            {
                _problems.Add(SchemaProblems.UnsupportedKeyword(name, "items.enum"));
            }
        }

        var rules = new InterpretedItemRules(enumValues, minLength, maxLength, pattern, limits.Minimum, limits.Maximum, limits.ExclusiveMinimum, limits.ExclusiveMaximum);
        return rules.IsEmpty ? null : rules;
    }

    private static string? ItemEnumValue(JsonElement value, InterpretedKind kind, out string problem)
    {
        problem = string.Empty;
        bool isNumber = value.ValueKind == JsonValueKind.Number;
        switch (kind)
        {
            case InterpretedKind.String when value.ValueKind == JsonValueKind.String:
                return value.GetString()!;
            case InterpretedKind.Int64 when SchemaNumbers.TryInt64(value, out long integer):
                return integer.ToString(CultureInfo.InvariantCulture);
            case InterpretedKind.Double when SchemaNumbers.TryDouble(value, out string number):
                return number;
            case InterpretedKind.Int64 when isNumber:
                problem = SchemaNumbers.Problem(value, integer: true);
                return null;
            case InterpretedKind.Double when isNumber:
                problem = SchemaNumbers.Problem(value, integer: false);
                return null;
            default:
                problem = SchemaNumbers.Quote(SchemaJsonText.Compact(value)) + " does not match the item type";
                return null;
        }
    }

    private string? ConstText(string name, JsonElement? constValue, InterpretedKind kind, bool isArray)
    {
        if (constValue is not JsonElement token)
        {
            return null;
        }

        bool integer = kind is InterpretedKind.Int32 or InterpretedKind.Int64;
        if (!isArray && token.ValueKind == JsonValueKind.Number && (integer || kind == InterpretedKind.Double))
        {
            // An integral float (-2.0) is an integer in JSON Schema; a number must be finite and fit the C# type.
            if (integer && SchemaNumbers.TryInt64(token, out long whole))
            {
                return whole.ToString(CultureInfo.InvariantCulture);
            }

            if (!integer && SchemaNumbers.TryDouble(token, out string number))
            {
                return number;
            }

            Ignore(name, "const " + SchemaNumbers.Problem(token, integer));
            return null;
        }

        bool fits = !isArray && (
            (token.ValueKind == JsonValueKind.String && kind is InterpretedKind.String or InterpretedKind.Media) ||
            (token.ValueKind is JsonValueKind.True or JsonValueKind.False && kind == InterpretedKind.Boolean));
        if (!fits)
        {
            Ignore(name, "const " + SchemaNumbers.Quote(SchemaJsonText.Compact(token)) + " does not match the property's type");
            return null;
        }

        // Strings keep their value (the generator's literal is the same string); booleans their text.
        return token.ValueKind == JsonValueKind.String ? token.GetString() : SchemaJsonText.Compact(token);
    }

    private string? NormalizeType(string name, SchemaObject schema, bool isItems, ref bool removed)
    {
        if (!schema.TryGet("type", out JsonElement token))
        {
            return null;
        }

        string label = isItems ? name + "[]" : name;
        List<JsonElement> entries = token.ValueKind == JsonValueKind.Array ? [.. token.EnumerateArray()] : [token];
        var types = new List<string>();
        foreach (JsonElement entry in entries)
        {
            if (entry.ValueKind != JsonValueKind.String)
            {
                _problems.Add(SchemaProblems.UnknownType(label, SchemaJsonText.Compact(entry)));
                schema.Remove("type");
                removed = true;
                return null;
            }

            string type = entry.GetString()!;
            if (type == "float")
            {
                _problems.Add(SchemaProblems.FloatType(label));
                type = "number";
            }
            else if (Array.IndexOf(KnownTypes, type) < 0)
            {
                _problems.Add(SchemaProblems.UnknownType(label, type));
                schema.Remove("type");
                removed = true;
                return null;
            }

            if (type != "null")
            {
                types.Add(type);
            }
        }

        // A union of several non-null types has no single C# type: it stays JSON.
        return types.Count == 1 ? types[0] : null;
    }

    private Limits NormalizeNumbers(string name, SchemaObject schema, bool integerType, string prefix)
    {
        foreach (string keyword in CountKeywords)
        {
            if (schema.TryGet(keyword, out JsonElement token)
                && !(SchemaJsonText.TryGetIntegral(token, out decimal count) && count >= 0 && count <= int.MaxValue))
            {
                Ignore(name, prefix + keyword + " must be a non-negative integer, not " + SchemaJsonText.Compact(token));
                schema.Remove(keyword);
            }
        }

        var limits = new Limits
        {
            Minimum = ReadLimit(name, schema, "minimum", integerType, prefix),
            Maximum = ReadLimit(name, schema, "maximum", integerType, prefix),
        };

        // Draft 6 and later: exclusiveMinimum is a number. Draft 4: a boolean that makes minimum exclusive.
        if (schema.TryGet("exclusiveMinimum", out JsonElement exclusiveMinimum) && exclusiveMinimum.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            if (exclusiveMinimum.ValueKind == JsonValueKind.True)
            {
                limits.ExclusiveMinimum = limits.Minimum;
                limits.Minimum = null;
            }
        }
        else
        {
            limits.ExclusiveMinimum = ReadLimit(name, schema, "exclusiveMinimum", integerType, prefix);
        }

        if (schema.TryGet("exclusiveMaximum", out JsonElement exclusiveMaximum) && exclusiveMaximum.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            if (exclusiveMaximum.ValueKind == JsonValueKind.True)
            {
                limits.ExclusiveMaximum = limits.Maximum;
                limits.Maximum = null;
            }
        }
        else
        {
            limits.ExclusiveMaximum = ReadLimit(name, schema, "exclusiveMaximum", integerType, prefix);
        }

        return limits;
    }

    private string? ReadLimit(string name, SchemaObject schema, string keyword, bool integerType, string prefix)
    {
        if (!schema.TryGet(keyword, out JsonElement token))
        {
            return null;
        }

        if (token.ValueKind != JsonValueKind.Number)
        {
            Ignore(name, prefix + keyword + " must be a number, not " + SchemaJsonText.Compact(token));
            return null;
        }

        if (SchemaJsonText.IsFloat(token) && double.IsNaN(SchemaJsonText.ParseDouble(token)))
        {
            Ignore(name, prefix + keyword + " " + SchemaNumbers.Problem(token, integerType));
            return null;
        }

        if (!SchemaJsonText.TryGetLimitText(token, integerType, out string text))
        {
            Ignore(name, prefix + keyword + " " + SchemaJsonText.OutOfRangeText(token) + " is out of range for " + (integerType ? "a 64-bit integer" : "a double"));
            return null;
        }

        return text;
    }

    private void ReportUnsupported(string name, SchemaObject schema, string prefix, string[] keywords)
    {
        foreach (string keyword in keywords.Where(schema.Has))
        {
            _problems.Add(SchemaProblems.UnsupportedKeyword(name, prefix + keyword));
            schema.Remove(keyword);
        }
    }

    private void NormalizePattern(string name, SchemaObject schema, string prefix)
    {
        if (!schema.TryGet("pattern", out JsonElement token))
        {
            return;
        }

        if (token.ValueKind != JsonValueKind.String)
        {
            Ignore(name, prefix + "pattern must be a string");
            schema.Remove("pattern");
            return;
        }

        try
        {
            _ = new Regex(token.GetString()!, RegexOptions.None, TimeSpan.FromSeconds(1));
        }
        catch (ArgumentException ex)
        {
            Ignore(name, prefix + "pattern is not a valid regular expression (" + ex.Message + ")");
            schema.Remove("pattern");
        }
    }

    private JsonElement? ReadEnum(string name, SchemaObject schema)
    {
        if (!schema.TryGet("enum", out JsonElement token))
        {
            return null;
        }

        if (token.ValueKind != JsonValueKind.Array || token.GetArrayLength() == 0)
        {
            Ignore(name, "enum must be a non-empty array");
            schema.Remove("enum");
            return null;
        }

        return token;
    }

    private Items? ReadItems(string name, SchemaObject schema)
    {
        if (!schema.TryGet("items", out JsonElement token))
        {
            return null;
        }

        if (token.ValueKind != JsonValueKind.Object)
        {
            Ignore(name, "items must be a schema object");
            schema.Remove("items");
            return null;
        }

        var items = new SchemaObject(token);
        bool removed = false;
        string? type = NormalizeType(name, items, isItems: true, ref removed);
        string? format = items.String("format");
        foreach (string keyword in TextKeywords)
        {
            RequireString(name, items, keyword, "items.");
        }

        Limits limits = NormalizeNumbers(name, items, type == "integer", "items.");
        NormalizePattern(name, items, "items.");
        if (items.TryGet("enum", out JsonElement itemEnum) && (itemEnum.ValueKind != JsonValueKind.Array || itemEnum.GetArrayLength() == 0))
        {
            Ignore(name, "items.enum must be a non-empty array");
            items.Remove("enum");
        }

        ReportUnsupported(name, items, "items.", UnsupportedKeywords);
        ReportUnsupported(name, items, "items.", UnsupportedItemKeywords);
        return new Items(items, type, format, limits);
    }

    private (bool HasValidations, List<MediaRule> Rules) ReadValidations(string name, SchemaObject schema)
    {
        var rules = new List<MediaRule>();
        if (!schema.TryGet("validations", out JsonElement token))
        {
            return (false, rules);
        }

        if (token.ValueKind != JsonValueKind.Array)
        {
            Ignore(name, "validations must be an array");
            return (false, rules);
        }

        foreach (JsonElement entry in token.EnumerateArray())
        {
            if (entry.ValueKind != JsonValueKind.Object
                || !entry.TryGetProperty("validation_rule", out JsonElement rule) || rule.ValueKind != JsonValueKind.String
                || !entry.TryGetProperty("validation_value", out JsonElement value) || value.ValueKind != JsonValueKind.Number)
            {
                Ignore(name, "a validations entry needs a string validation_rule and a numeric validation_value");
                continue;
            }

            // Written as a double: 1e400 or NaN drops this entry alone.
            if (!SchemaNumbers.TryDouble(value, out _))
            {
                Ignore(name, "validation_value " + SchemaNumbers.Problem(value, integer: false));
                continue;
            }

            string ruleText = rule.GetString()!;
            if (!MediaRuleGrammar.KnownRules.Contains(ruleText))
            {
                _problems.Add(SchemaProblems.UnknownValidationRule(name, ruleText));
            }

            string? message = entry.TryGetProperty("validation_error", out JsonElement error) && error.ValueKind == JsonValueKind.String ? error.GetString() : null;
            rules.Add(new MediaRule(ruleText, double.Parse(SchemaJsonText.NumberText(value), NumberStyles.Float, CultureInfo.InvariantCulture), message));
        }

        return (true, rules);
    }

    private void RequireString(string name, SchemaObject schema, string keyword, string prefix)
    {
        if (schema.TryGet(keyword, out JsonElement token) && token.ValueKind != JsonValueKind.String)
        {
            Ignore(name, prefix + keyword + " must be a string");
            schema.Remove(keyword);
        }
    }

    private void Ignore(string name, string problem) => _problems.Add(SchemaProblems.IgnoredKeyword(name, problem));

    private static int? Count(SchemaObject schema, string keyword) =>
        schema.TryGet(keyword, out JsonElement value) && SchemaJsonText.TryGetIntegral(value, out decimal count) && count >= 0 && count <= int.MaxValue
            ? (int)count
            : null;

    private static bool FitsInt32(string? limit) =>
        long.TryParse(limit, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value) && value >= int.MinValue && value <= int.MaxValue;

    private static bool IsSingleMedia(string? format) => format is "image_uri" or "video_uri" or "audio_uri";

    private static bool IsMediaArray(string? format) => format is "image_uris" or "video_uris" or "audio_uris";

    /// <summary>The <c>items</c> schema after normalisation, its type, format and limits.</summary>
    private sealed record Items(SchemaObject Schema, string? Type, string? Format, Limits Limits);

    /// <summary>minimum, maximum and the exclusive forms, as number text.</summary>
    private sealed class Limits
    {
        public string? Minimum { get; set; }

        public string? Maximum { get; set; }

        public string? ExclusiveMinimum { get; set; }

        public string? ExclusiveMaximum { get; set; }

        public string? Get(string keyword) => keyword switch
        {
            "minimum" => Minimum,
            "maximum" => Maximum,
            "exclusiveMinimum" => ExclusiveMinimum,
            _ => ExclusiveMaximum,
        };
    }
}
