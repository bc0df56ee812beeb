using System.Text;

namespace RunComfy.SchemaClient.Generator.Emitting
{
    /// <summary>
    /// The one way schema-derived text (a file name, a model id) enters a <c>//</c> comment, and the way text
    /// from a schema (an exception message) enters a diagnostic message, both one line of plain text: line breaks and
    /// tabs become spaces, every other unsafe character (<see cref="UnsafeText.IsUnsafe"/>) becomes U+FFFD,
    /// and the text is cut at <see cref="DocText.MaxLength"/> characters, so nothing can end the comment.
    /// </summary>
    internal static class CommentText
    {
        public static string Of(string text)
        {
            text = DocText.Bounded(text);
            var builder = new StringBuilder(text.Length);
            for (int i = 0; i < text.Length;)
            {
                char c = text[i];
                if (!UnsafeText.IsUnsafe(text, i, out int length))
                {
                    builder.Append(text, i, length);
                }
                else
                {
                    builder.Append(UnsafeText.IsLineBreak(c) || c == '\t' ? ' ' : UnsafeText.Replacement);
                }

                i += length;
            }

            return builder.ToString();
        }
    }
}
