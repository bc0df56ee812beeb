using System;
using System.Globalization;
using System.Numerics;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The one place a JSON number from a schema becomes number text for generated code. Only finite
    /// values pass: <c>1e400</c> (read as infinity), <c>NaN</c> and <c>Infinity</c> would otherwise be
    /// emitted as <c>InfinityD</c> or <c>NaND</c> and break the whole assembly; an integer beyond 64 bits
    /// would overflow a <c>long</c> literal (CS1021). The caller drops the keyword with RCS0016 and the
    /// reason from <see cref="Problem"/>.
    /// </summary>
    internal static class NumberValues
    {
        /// <summary>A finite double as round-trip text (<c>0.5</c>, <c>1E+20</c>), for a <c>double</c> literal.</summary>
        public static bool TryDouble(JToken token, out string text)
        {
            text = string.Empty;
            if (!TryGetDouble(token, out double value))
            {
                return false;
            }

            object? boxed = ((JValue)token).Value;
            text = boxed is long integer
                ? integer.ToString(CultureInfo.InvariantCulture)
                : value.ToString("R", CultureInfo.InvariantCulture);
            return true;
        }

        /// <summary>
        /// An integer that fits <c>long</c>, as text; an integral float (<c>-2.0</c>) counts, as JSON
        /// Schema says (<c>2.0</c> is the integer 2).
        /// </summary>
        public static bool TryInt64(JToken token, out long value)
        {
            value = 0;
            object? boxed = (token as JValue)?.Value;
            switch (boxed)
            {
                case long integer:
                    value = integer;
                    return true;
                case double d when !double.IsNaN(d) && !double.IsInfinity(d) && Math.Floor(d) == d
                    && d >= -9223372036854775808.0 && d < 9223372036854775808.0:
                    value = (long)d;
                    return true;
                case decimal m when decimal.Truncate(m) == m && m >= long.MinValue && m <= long.MaxValue:
                    value = (long)m;
                    return true;
                default:
                    return false;
            }
        }

        /// <summary>True for a JSON number token (integer or float, finite or not).</summary>
        public static bool IsNumber(JToken token) => token.Type == JTokenType.Integer || token.Type == JTokenType.Float;

        /// <summary>True when any number inside <paramref name="token"/> (at any depth) is not finite.</summary>
        public static bool ContainsNonFinite(JToken token)
        {
            if (token is JValue value)
            {
                return IsNumber(value) && !TryGetDouble(value, out _);
            }

            foreach (JToken child in token.Children())
            {
                if (ContainsNonFinite(child is JProperty property ? property.Value : child))
                {
                    return true;
                }
            }

            return false;
        }

        /// <summary>Why a number token failed <see cref="TryDouble"/> or <see cref="TryInt64"/>, for a message.</summary>
        public static string Problem(JToken token, bool integer)
        {
            object? boxed = (token as JValue)?.Value;
            switch (boxed)
            {
                case double d when double.IsNaN(d):
                    return "NaN is not a number JSON allows";
                case double d when double.IsInfinity(d):
                    return "a number beyond ±1.8E+308 (read as " + (d > 0 ? "infinity" : "-infinity") + ") is out of range for a double";
                case BigInteger big when !integer:
                    return Text(token) + " is out of range for a double";
                case BigInteger:
                    return Text(token) + " is out of range for a 64-bit integer";
                case double d when integer && Math.Floor(d) == d:
                    return Text(token) + " is out of range for a 64-bit integer";
                case double when integer:
                    return Text(token) + " is not an integer";
                default:
                    return token.ToString(Formatting.None) + " is not a number";
            }
        }

        private static string Text(JToken token) => Diagnostics.DiagnosticText.Quote(token.ToString(Formatting.None));

        private static bool TryGetDouble(JToken token, out double value)
        {
            value = double.NaN;
            object? boxed = (token as JValue)?.Value;
            switch (boxed)
            {
                case long integer:
                    value = integer;
                    break;
                case double d:
                    value = d;
                    break;
                case decimal m:
                    value = (double)m;
                    break;
                case BigInteger big:
                    // Through text: the BigInteger-to-double cast truncates (1e41 would become 9.999999999999998E+40).
                    if (!double.TryParse(big.ToString(CultureInfo.InvariantCulture), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
                    {
                        return false;
                    }

                    break;
                default:
                    return false;
            }

            return !double.IsNaN(value) && !double.IsInfinity(value);
        }
    }
}
