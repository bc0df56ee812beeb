using System.Globalization;
using System.Text;

namespace RunComfy.SchemaClient.Generator.Diagnostics
{
    /// <summary>
    /// Makes schema text safe to show in a diagnostic message: a schema is untrusted, and its strings
    /// reach build logs, terminals and IDEs. Control and format characters (CR, LF, NEL, U+2028, U+2029,
    /// ESC, bidi overrides...) and lone surrogates become <c>\uXXXX</c>, so a schema can neither forge a
    /// log line nor colour a terminal; <see cref="Quote"/> also shortens long text.
    /// </summary>
    internal static class DiagnosticText
    {
        /// <summary>Longest piece of schema text quoted in a message, in characters.</summary>
        public const int MaxQuotedLength = 120;

        /// <summary>Schema text as a short, safe fragment: at most <see cref="MaxQuotedLength"/> characters, then "...".</summary>
        public static string Quote(string text)
        {
            string safe = Sanitize(text.Length > MaxQuotedLength ? text.Substring(0, MaxQuotedLength) : text);
            return text.Length > MaxQuotedLength ? safe + "..." : safe;
        }

        /// <summary>Every character that could end a line or drive a terminal, escaped as <c>\uXXXX</c>.</summary>
        public static string Sanitize(string text)
        {
            StringBuilder? builder = null;
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                bool pair = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]);
                if (pair)
                {
                    builder?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                if (IsUnsafe(c))
                {
                    builder ??= new StringBuilder(text, 0, i, text.Length + 16);
                    builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                }
                else
                {
                    builder?.Append(c);
                }
            }

            return builder?.ToString() ?? text;
        }

        private static bool IsUnsafe(char c)
        {
            if (char.IsSurrogate(c) || char.IsControl(c))
            {
                return true;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category == UnicodeCategory.LineSeparator
                || category == UnicodeCategory.ParagraphSeparator
                || category == UnicodeCategory.Format;
        }
    }
}
