using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace RunComfy.Schema.Interpreted;

/// <summary>
/// Numbers and JSON text of a schema exactly as the generator sees them: it reads schemas with
/// Newtonsoft.Json, where a number without <c>.</c> or exponent is an integer (<c>long</c>, or
/// <see cref="BigInteger"/> beyond it) and any other is a <c>double</c>, and it records defaults, enum
/// values and consts as Newtonsoft's compact text. Matching that here keeps <c>ModelParameter</c>s equal.
/// </summary>
internal static class SchemaJsonText
{
    /// <summary>True for a JSON number written without fraction or exponent (Newtonsoft's Integer token).</summary>
    public static bool IsInteger(JsonElement element) =>
        element.ValueKind == JsonValueKind.Number && element.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') < 0;

    /// <summary>True for a JSON number with fraction or exponent (Newtonsoft's Float token).</summary>
    public static bool IsFloat(JsonElement element) => element.ValueKind == JsonValueKind.Number && !IsInteger(element);

    /// <summary>The number as the generator writes it into code: integer digits, or a double's round-trip text.</summary>
    public static string NumberText(JsonElement element) => IsInteger(element)
        ? IntegerText(element)
        : ParseDouble(element).ToString("R", CultureInfo.InvariantCulture);

    /// <summary>The value as a decimal, when it fits (a double goes through decimal's 15-digit conversion, as Newtonsoft's does).</summary>
    public static bool TryGetDecimal(JsonElement element, out decimal value)
    {
        value = 0;
        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (IsInteger(element))
        {
            return decimal.TryParse(element.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        double number = ParseDouble(element);
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return false;
        }

        try
        {
            value = Convert.ToDecimal(number, CultureInfo.InvariantCulture);
            return true;
        }
        catch (OverflowException)
        {
            return false;
        }
    }

    /// <summary>A whole number that fits a decimal.</summary>
    public static bool TryGetIntegral(JsonElement element, out decimal value) =>
        TryGetDecimal(element, out value) && decimal.Truncate(value) == value;

    /// <summary>
    /// A limit as number text: for an integer property it must fit <c>long</c> when integral (<c>8.0</c> is
    /// <c>8</c>); for a number property any finite double will do.
    /// </summary>
    public static bool TryGetLimitText(JsonElement element, bool integerType, out string text)
    {
        text = string.Empty;
        bool isInteger = IsInteger(element);
        if (isInteger && long.TryParse(element.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
        {
            text = integer.ToString(CultureInfo.InvariantCulture);
            return true;
        }

        double number = ParseDouble(element);
        if (double.IsNaN(number) || double.IsInfinity(number))
        {
            return false;
        }

        if (integerType && Math.Floor(number) == number)
        {
            if (isInteger || number < -9223372036854775808.0 || number >= 9223372036854775808.0)
            {
                return false;
            }

            text = ((long)number).ToString(CultureInfo.InvariantCulture);
            return true;
        }

        text = number.ToString("R", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>A number's text for a message; a double that overflows has lost its text.</summary>
    public static string OutOfRangeText(JsonElement element) =>
        IsFloat(element) && double.IsInfinity(ParseDouble(element)) ? "(beyond ±1.8E+308)" : Compact(element);

    /// <summary>Newtonsoft's <c>Formatting.None</c> text of a value: what the generator records as default, enum and const JSON.</summary>
    public static string Compact(JsonElement element)
    {
        var text = new StringBuilder();
        Write(text, element);
        return text.ToString();
    }

    /// <summary>The number as a double, as Newtonsoft reads it: beyond ±1.8E+308 is infinity, and <c>NaN</c> (see <see cref="NonFiniteLiterals"/>) is NaN.</summary>
    public static double ParseDouble(JsonElement element)
    {
        string raw = element.GetRawText();
        return raw == NonFiniteLiterals.NaN ? double.NaN : double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture);
    }

    private static string IntegerText(JsonElement element)
    {
        string raw = element.GetRawText();
        return long.TryParse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long value)
            ? value.ToString(CultureInfo.InvariantCulture)
            : BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
    }

    private static void Write(StringBuilder text, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                text.Append('{');
                bool first = true;
                foreach (JsonProperty property in element.EnumerateObject())
                {
                    text.Append(first ? string.Empty : ",");
                    first = false;
                    WriteString(text, property.Name);
                    text.Append(':');
                    Write(text, property.Value);
                }

                text.Append('}');
                break;
            case JsonValueKind.Array:
                text.Append('[');
                int index = 0;
                foreach (JsonElement item in element.EnumerateArray())
                {
                    text.Append(index++ == 0 ? string.Empty : ",");
                    Write(text, item);
                }

                text.Append(']');
                break;
            case JsonValueKind.String:
                WriteString(text, element.GetString()!);
                break;
            case JsonValueKind.Number:
                if (IsInteger(element))
                {
                    text.Append(IntegerText(element));
                }
                else if (ParseDouble(element) is var value && (double.IsNaN(value) || double.IsInfinity(value)))
                {
                    // Newtonsoft writes a number that is not finite as a string.
                    text.Append(double.IsNaN(value) ? "\"NaN\"" : value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
                }
                else
                {
                    // Newtonsoft keeps a double recognisable as one: 2.0 stays 2.0, not 2.
                    string number = ParseDouble(element).ToString("R", CultureInfo.InvariantCulture);
                    text.Append(number);
                    if (number.AsSpan().IndexOfAny('.', 'E', 'N') < 0 && !number.Contains("Infinity", StringComparison.Ordinal))
                    {
                        text.Append(".0");
                    }
                }

                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            default:
                text.Append("null");
                break;
        }
    }

    /// <summary>A string as Newtonsoft writes it by default: control characters, quotes, backslash, U+0085, U+2028 and U+2029 escaped.</summary>
    private static void WriteString(StringBuilder text, string value)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\f': text.Append("\\f"); break;
                case '\b': text.Append("\\b"); break;
                default:
                    if (c < ' ' || c == '\u0085' || c == '\u2028' || c == '\u2029')
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
