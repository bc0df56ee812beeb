using System.Globalization;
using System.Text;

namespace RunComfy.Cli.Rendering;

/// <summary>
/// Makes text that came from a server (or a user's file) safe for a terminal: control characters (escape
/// sequences, carriage returns, line breaks), bidirectional overrides and other format characters become a
/// visible '?', and overlong text is cut.
/// </summary>
internal static class ServerText
{
    public const int DefaultMaxLength = 500;

    public static string Clean(string? text, int maxLength = DefaultMaxLength)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(Math.Min(text.Length, maxLength + 1));
        foreach (var rune in text.EnumerateRunes())
        {
            if (builder.Length >= maxLength)
            {
                builder.Append('…');
                break;
            }

            var category = Rune.GetUnicodeCategory(rune);
            var unsafeRune = category is UnicodeCategory.Control or UnicodeCategory.Format or UnicodeCategory.LineSeparator
                or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate or UnicodeCategory.PrivateUse or UnicodeCategory.OtherNotAssigned;
            if (unsafeRune)
            {
                builder.Append('?');
            }
            else
            {
                builder.Append(rune.ToString());
            }
        }

        return builder.ToString();
    }
}
