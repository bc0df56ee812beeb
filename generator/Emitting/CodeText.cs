using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>Literals and XML doc text for emitted code.</summary>
    internal static class CodeText
    {
        public const string GeneratedCodeAttribute = "[global::System.CodeDom.Compiler.GeneratedCode(\"RunComfy.SchemaClient.Generator\", \"1.0.0\")]";

        /// <summary>A C# string literal with every special character escaped.</summary>
        public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

        /// <summary>A verbatim string literal, so multi-line text (the schema) stays readable.</summary>
        public static string Verbatim(string value) => "@\"" + value.Replace("\"", "\"\"") + "\"";

        public static string Bool(bool value) => value ? "true" : "false";

        public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

        /// <summary>A double literal from JSON number text (<c>0.33</c> -> <c>0.33D</c>).</summary>
        public static string Double(string number) => number + "D";

        /// <summary>A long literal from JSON integer text.</summary>
        public static string Long(string number) => number + "L";

        public static bool IsIntegral(string number) => !number.Contains(".") && !number.Contains("E") && !number.Contains("e");

        /// <summary>Text for an XML doc comment: markup characters escaped, one entry per line.</summary>
        public static IEnumerable<string> XmlLines(string text)
        {
            foreach (string line in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
            {
                yield return Xml(line.TrimEnd());
            }
        }

        public static string Xml(string text)
        {
            var builder = new StringBuilder(text.Length);
            foreach (char c in text)
            {
                switch (c)
                {
                    case '&': builder.Append("&amp;"); break;
                    case '<': builder.Append("&lt;"); break;
                    case '>': builder.Append("&gt;"); break;
                    default:
                        // Control characters are not allowed in XML; they would break the doc file.
                        if (char.IsControl(c) && c != '\t')
                        {
                            builder.Append(' ');
                        }
                        else
                        {
                            builder.Append(c);
                        }

                        break;
                }
            }

            return builder.ToString();
        }

        /// <summary>Inline code in a doc comment.</summary>
        public static string Code(string text) => "<c>" + Xml(text) + "</c>";

        public static string Plural(int count, string noun) => count.ToString(CultureInfo.InvariantCulture) + " " + noun + (count == 1 ? string.Empty : "s");

        public static bool IsNullOrWhiteSpace(string? text) => text is null || text.Trim().Length == 0;

        public static string Join(string separator, IEnumerable<string> parts) => string.Join(separator, parts);

        public static StringComparison Ordinal => StringComparison.Ordinal;
    }
}
