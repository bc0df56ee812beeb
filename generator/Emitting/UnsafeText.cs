using System.Globalization;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// The characters of schema text that must never reach generated code as they are: each output
    /// context (<see cref="DocText"/>, <see cref="CommentText"/>, <see cref="Literal"/>) maps them its own way.
    /// </summary>
    internal static class UnsafeText
    {
        /// <summary>The replacement shown in docs and comments where a character had to go.</summary>
        public const char Replacement = '\uFFFD';

        /// <summary>
        /// The C# new-line characters (CR, LF, NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR): any of them ends a
        /// <c>//</c> or <c>///</c> comment, so schema text must never carry one into a comment.
        /// </summary>
        public static bool IsLineBreak(char c) => c == '\r' || c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029';

        /// <summary>
        /// Whether the UTF-16 unit at <paramref name="index"/> must be mapped: a line break, any other control
        /// (Cc, NUL included) or format (Cf: bidi overrides, zero-width characters, BOM) character, a lone
        /// surrogate, or a non-character (U+FFFE, U+FFFF; not allowed in XML). <paramref name="length"/> is 2
        /// for a surrogate pair, so callers keep or map the pair as one.
        /// </summary>
        public static bool IsUnsafe(string text, int index, out int length)
        {
            char c = text[index];
            if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
            {
                length = 2;
                return CharUnicodeInfo.GetUnicodeCategory(text, index) == UnicodeCategory.Format;
            }

            length = 1;
            if (char.IsSurrogate(c) || c == '\uFFFE' || c == '\uFFFF' || IsLineBreak(c))
            {
                return true;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            return category == UnicodeCategory.Control || category == UnicodeCategory.Format
                || category == UnicodeCategory.LineSeparator || category == UnicodeCategory.ParagraphSeparator;
        }
    }
}
