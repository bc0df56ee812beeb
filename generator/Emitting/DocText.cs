using System.Collections.Generic;
using System.Text;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// The one way schema text enters an XML doc comment (<c>/// ...</c>). Markup characters become
    /// entities; line breaks split the text into doc lines (<see cref="Lines(string)"/>) or become spaces
    /// (<see cref="Inline"/>); tabs become spaces; every other unsafe character
    /// (<see cref="UnsafeText.IsUnsafe"/>) becomes U+FFFD. Each piece of text is cut at
    /// <see cref="MaxLength"/> characters with an ellipsis, so a huge description cannot bloat the docs.
    /// </summary>
    internal static class DocText
    {
        /// <summary>The most characters of one schema text shown in a doc comment.</summary>
        public const int MaxLength = 2000;

        /// <summary>Text for inside one doc line.</summary>
        public static string Inline(string text) => Escape(Bounded(text), lineBreak: ' ');

        /// <summary>Multi-line text: one escaped, right-trimmed entry per line (CRLF counts as one break).</summary>
        public static IEnumerable<string> Lines(string text) => Lines(text, MaxLength);

        /// <summary>Multi-line text cut at <paramref name="maxLength"/> characters (at most <see cref="MaxLength"/>).</summary>
        public static IEnumerable<string> Lines(string text, int maxLength)
        {
            string escaped = Escape(Bounded(text, maxLength).Replace("\r\n", "\n"), lineBreak: '\n');
            foreach (string line in escaped.Split('\n'))
            {
                yield return line.TrimEnd();
            }
        }

        /// <summary>Inline code: <c>&lt;c&gt;text&lt;/c&gt;</c>.</summary>
        public static string Code(string text) => "<c>" + Inline(text) + "</c>";

        /// <summary><paramref name="text"/>, or its first <see cref="MaxLength"/> characters and an ellipsis (never half a surrogate pair).</summary>
        public static string Bounded(string text) => Bounded(text, MaxLength);

        private static string Bounded(string text, int maxLength)
        {
            maxLength = System.Math.Min(System.Math.Max(maxLength, 1), MaxLength);
            if (text.Length <= maxLength)
            {
                return text;
            }

            int cut = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
            return text.Substring(0, cut) + "\u2026";
        }

        private static string Escape(string text, char lineBreak)
        {
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length;)
            {
                char c = text[i];
                bool unsafeChar = UnsafeText.IsUnsafe(text, i, out int length);
                if (c == '&')
                {
                    builder.Append("&amp;");
                }
                else if (c == '<')
                {
                    builder.Append("&lt;");
                }
                else if (c == '>')
                {
                    builder.Append("&gt;");
                }
                else if (UnsafeText.IsLineBreak(c))
                {
                    builder.Append(lineBreak);
                }
                else if (c == '\t')
                {
                    builder.Append(' ');
                }
                else if (unsafeChar)
                {
                    builder.Append(UnsafeText.Replacement);
                }
                else
                {
                    builder.Append(text, i, length);
                }

                i += length;
            }

            return builder.ToString();
        }
    }
}
