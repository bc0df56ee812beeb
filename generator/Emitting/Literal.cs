using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// The one way schema values become C# literals. Strings follow Roslyn's
    /// <see cref="SymbolDisplay.FormatLiteral(string, bool)"/>, plus a <c>\uXXXX</c> escape for every character
    /// it leaves as it is but <see cref="UnsafeText.IsUnsafe"/> flags (format characters, lone surrogates...),
    /// so a literal is one line of printable text. Numbers must be finite JSON numbers that fit their C# type;
    /// anything else throws <see cref="UnwritableValueException"/> rather than write code that does not compile.
    /// </summary>
    internal static class Literal
    {
        private static readonly Regex JsonNumber = new Regex(@"^-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?$", RegexOptions.CultureInvariant);
        private static readonly Regex JsonInteger = new Regex(@"^-?[0-9]+$", RegexOptions.CultureInvariant);

        /// <summary>A regular (quoted) string literal.</summary>
        public static string String(string value)
        {
            string formatted = SymbolDisplay.FormatLiteral(value, quote: true);
            StringBuilder? builder = null;
            for (int i = 0; i < formatted.Length;)
            {
                bool unsafeChar = UnsafeText.IsUnsafe(formatted, i, out int length);
                if (unsafeChar && builder is null)
                {
                    builder = new StringBuilder(formatted.Length + 16).Append(formatted, 0, i);
                }

                if (unsafeChar)
                {
                    // Every escape FormatLiteral writes is ASCII, so an unsafe character here is raw text of the value.
                    for (int k = i; k < i + length; k++)
                    {
                        builder!.Append("\\u").Append(((int)formatted[k]).ToString("X4", CultureInfo.InvariantCulture));
                    }
                }
                else
                {
                    builder?.Append(formatted, i, length);
                }

                i += length;
            }

            return builder?.ToString() ?? formatted;
        }

        /// <summary>A string literal from the JSON text of a string (<c>"a\u2028b"</c>, as a <c>const</c> holds it).</summary>
        public static string StringFromJson(string json)
        {
            string? value;
            try
            {
                using var reader = new Newtonsoft.Json.JsonTextReader(new System.IO.StringReader(json)) { DateParseHandling = Newtonsoft.Json.DateParseHandling.None };
                value = reader.Read() && reader.TokenType == Newtonsoft.Json.JsonToken.String ? (string?)reader.Value : null;
                if (reader.Read())
                {
                    value = null;
                }
            }
            catch (Newtonsoft.Json.JsonException)
            {
                value = null;
            }

            if (value is null)
            {
                throw new UnwritableValueException("the value " + Shown(json) + " is not a JSON string");
            }

            return String(value);
        }

        /// <summary>A <c>double</c> literal from JSON number text (<c>0.33</c> -> <c>0.33D</c>); only finite numbers.</summary>
        public static string Double(string number)
        {
            if (!JsonNumber.IsMatch(number)
                || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
                || double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new UnwritableValueException("the number " + Shown(number) + " is not a finite double");
            }

            return number + "D";
        }

        /// <summary>An integer literal (no suffix) from JSON integer text within <c>long</c>.</summary>
        public static string Integer(string number)
        {
            if (!JsonInteger.IsMatch(number) || !long.TryParse(number, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
            {
                throw new UnwritableValueException("the number " + Shown(number) + " is not a 64-bit integer");
            }

            return number;
        }

        /// <summary>A <c>long</c> literal from JSON integer text (<c>5</c> -> <c>5L</c>).</summary>
        public static string Long(string number) => Integer(number) + "L";

        public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A <c>bool</c> literal from JSON <c>true</c> or <c>false</c>.</summary>
        public static string Bool(string json)
        {
            if (json != "true" && json != "false")
            {
                throw new UnwritableValueException("the value " + Shown(json) + " is not a JSON boolean");
            }

            return json;
        }

        public static bool IsIntegral(string number) => JsonInteger.IsMatch(number);

        /// <summary>A refused value, for a diagnostic message: escaped like a literal and cut short.</summary>
        public static string Shown(string text) => String(text.Length > 60 ? text.Substring(0, 60) + "\u2026" : text);
    }
}
