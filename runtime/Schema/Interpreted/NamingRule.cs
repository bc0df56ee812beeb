using System.Collections.Generic;
using System.Text;

namespace RunComfy.Schema.Interpreted;

/// <summary>
/// The one naming rule of generated code (documented in docs/generator.md): split the text on every
/// character that is not a letter or digit, upper-case the first character of each part and join the
/// parts; where one part ends with a digit and the next starts with one, put <c>_</c> between them, unless
/// only <c>-</c> or <c>.</c> separate them (<c>seedream-4-0</c> is <c>Seedream40</c>). The generator compiles
/// this same file (linked, netstandard2.0-compatible C#), so run-time models get the generated names.
/// </summary>
internal static class NamingRule
{
    public static string PascalCase(string text)
    {
        var result = new StringBuilder(text.Length);
        var separator = new StringBuilder();
        bool lastEndsWithDigit = false;
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsLetterOrDigit(text[i]))
            {
                separator.Append(text[i]);
                i++;
                continue;
            }

            int start = i;
            while (i < text.Length && char.IsLetterOrDigit(text[i]))
            {
                i++;
            }

            string part = text.Substring(start, i - start);
            if (result.Length > 0 && lastEndsWithDigit && char.IsDigit(part[0]) && !IsVersionSeparator(separator))
            {
                result.Append('_');
            }

            result.Append(char.ToUpperInvariant(part[0])).Append(part, 1, part.Length - 1);
            lastEndsWithDigit = char.IsDigit(part[part.Length - 1]);
            separator.Clear();
        }

        return result.ToString();
    }

    /// <summary>A C# identifier from the PascalCase of <paramref name="text"/>: <c>_</c> before a leading digit; empty when the text has no letter or digit.</summary>
    public static string Identifier(string text)
    {
        string name = PascalCase(text);
        return name.Length > 0 && char.IsDigit(name[0]) ? "_" + name : name;
    }

    /// <summary>Gives <paramref name="name"/>, or the first of <c>name_2</c>, <c>name_3</c>... not yet in <paramref name="taken"/>.</summary>
    public static string Unique(string name, ISet<string> taken)
    {
        if (!taken.Contains(name))
        {
            return name;
        }

        for (int n = 2; ; n++)
        {
            string candidate = name + "_" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!taken.Contains(candidate))
            {
                return candidate;
            }
        }
    }

    private static bool IsVersionSeparator(StringBuilder separator)
    {
        if (separator.Length == 0)
        {
            return false;
        }

        for (int i = 0; i < separator.Length; i++)
        {
            if (separator[i] != '-' && separator[i] != '.')
            {
                return false;
            }
        }

        return true;
    }
}
