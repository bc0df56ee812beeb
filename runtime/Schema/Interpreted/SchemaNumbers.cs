using System.Globalization;
using System.Text.Json;

namespace RunComfy.Schema.Interpreted;

/// <summary>
/// The generator's one rule for a schema number that becomes part of generated code (its <c>NumberValues</c>),
/// over the number as Newtonsoft reads it: an integer token is a <c>long</c> or, beyond it, a big integer; any
/// other number a <c>double</c>, which may be infinite (<c>1e400</c>) or NaN. Only finite values pass, an integer
/// must fit <c>long</c> (an integral float such as <c>-2.0</c> counts), and <see cref="Problem"/> gives the same
/// reason as the generator's RCS0016, so a model loaded at run time drops exactly the keywords the generator drops.
/// </summary>
internal static class SchemaNumbers
{
    /// <summary>The longest value text a message quotes (the generator's <c>DiagnosticText.MaxQuotedLength</c>).</summary>
    private const int MaxQuotedLength = 120;

    /// <summary>A finite number as the generator's number text (an integer's digits, a double's round-trip text).</summary>
    public static bool TryDouble(JsonElement element, out string text)
    {
        text = string.Empty;
        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (SchemaJsonText.IsInteger(element))
        {
            if (long.TryParse(element.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out long integer))
            {
                text = integer.ToString(CultureInfo.InvariantCulture);
                return true;
            }

            // A big integer: through its text, as the generator does (beyond ±1.8E+308 it is out of range).
            if (!double.TryParse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out double big) || double.IsInfinity(big))
            {
                return false;
            }

            text = big.ToString("R", CultureInfo.InvariantCulture);
            return true;
        }

        double value = SchemaJsonText.ParseDouble(element);
        if (double.IsNaN(value) || double.IsInfinity(value))
        {
            return false;
        }

        text = value.ToString("R", CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>An integer that fits <c>long</c>; an integral float counts.</summary>
    public static bool TryInt64(JsonElement element, out long value)
    {
        value = 0;
        if (element.ValueKind != JsonValueKind.Number)
        {
            return false;
        }

        if (SchemaJsonText.IsInteger(element))
        {
            return long.TryParse(element.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
        }

        double d = SchemaJsonText.ParseDouble(element);
        if (double.IsNaN(d) || double.IsInfinity(d) || Math.Floor(d) != d || d < -9223372036854775808.0 || d >= 9223372036854775808.0)
        {
            return false;
        }

        value = (long)d;
        return true;
    }

    /// <summary>True when any number inside <paramref name="element"/> (at any depth) is not finite.</summary>
    public static bool ContainsNonFinite(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => !SchemaJsonText.IsInteger(element) && SchemaJsonText.ParseDouble(element) is var d && (double.IsNaN(d) || double.IsInfinity(d)),
        JsonValueKind.Array => element.EnumerateArray().Any(ContainsNonFinite),
        JsonValueKind.Object => element.EnumerateObject().Any(p => ContainsNonFinite(p.Value)),
        _ => false,
    };

    /// <summary>Why a number failed <see cref="TryDouble"/> or <see cref="TryInt64"/>, in the generator's words.</summary>
    public static string Problem(JsonElement element, bool integer)
    {
        if (element.ValueKind != JsonValueKind.Number)
        {
            return SchemaJsonText.Compact(element) + " is not a number";
        }

        if (SchemaJsonText.IsInteger(element))
        {
            // Only a big integer fails as an integer token.
            return Quote(SchemaJsonText.Compact(element)) + (integer ? " is out of range for a 64-bit integer" : " is out of range for a double");
        }

        double d = SchemaJsonText.ParseDouble(element);
        if (double.IsNaN(d))
        {
            return "NaN is not a number JSON allows";
        }

        if (double.IsInfinity(d))
        {
            return "a number beyond ±1.8E+308 (read as " + (d > 0 ? "infinity" : "-infinity") + ") is out of range for a double";
        }

        return Quote(SchemaJsonText.Compact(element)) + (integer && Math.Floor(d) == d ? " is out of range for a 64-bit integer" : " is not an integer");
    }

    /// <summary>Value text for a message, cut as the generator cuts it (number text has nothing to escape).</summary>
    public static string Quote(string text) => text.Length > MaxQuotedLength ? text[..MaxQuotedLength] + "..." : text;
}
