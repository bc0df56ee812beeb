using System.Globalization;
using System.Text;

namespace RunComfy.Client.Wire;

/// <summary>The one rule for text a <c>ToString()</c> shows: no control or format character survives.</summary>
internal static class DisplayText
{
    /// <summary>A control or format character could forge a log line or reorder the text on a terminal.</summary>
    public static bool IsUnsafe(char c) => char.IsControl(c) || char.GetUnicodeCategory(c) == UnicodeCategory.Format;

    /// <summary>Appends <paramref name="text"/> with each unsafe character replaced by U+FFFD.</summary>
    public static StringBuilder AppendVisible(StringBuilder builder, ReadOnlySpan<char> text)
    {
        foreach (char c in text)
        {
            builder.Append(IsUnsafe(c) ? '\uFFFD' : c);
        }

        return builder;
    }
}
