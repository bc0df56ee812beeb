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

    /// <summary>
    /// The type name of a property's enum: <paramref name="rest"/> and <paramref name="member"/> joined, with the
    /// words the member name repeats from the end of the model name said once
    /// (<c>Seedream40EditSequential</c> + <c>SequentialImageGenerationOptions</c> is
    /// <c>Seedream40EditSequentialImageGenerationOptions</c>). At least one word of the member is always kept.
    /// </summary>
    public static string EnumTypeName(string rest, string member)
    {
        List<string> restWords = Words(rest);
        List<string> memberWords = Words(member);
        for (int overlap = System.Math.Min(restWords.Count, memberWords.Count - 1); overlap > 0; overlap--)
        {
            // Only words that start with a letter: "Foo2" + "_2Pass" keeps both numbers.
            bool repeats = true;
            for (int i = 0; i < overlap && repeats; i++)
            {
                repeats = char.IsLetter(memberWords[i][0])
                    && string.Equals(restWords[restWords.Count - overlap + i], memberWords[i], System.StringComparison.Ordinal);
            }

            if (repeats)
            {
                var name = new StringBuilder(rest);
                for (int i = overlap; i < memberWords.Count; i++)
                {
                    name.Append(memberWords[i]);
                }

                return name.ToString();
            }
        }

        return rest + member;
    }

    /// <summary>The words of a PascalCase name: an upper-case letter starts a word, digits and <c>_</c> are words of their own.</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>();
        int start = 0;
        for (int i = 1; i <= name.Length; i++)
        {
            bool boundary = i == name.Length
                || char.IsUpper(name[i])
                || name[i] == '_' || name[i - 1] == '_'
                || char.IsDigit(name[i]) != char.IsDigit(name[i - 1]);
            if (boundary)
            {
                words.Add(name.Substring(start, i - start));
                start = i;
            }
        }

        return words;
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
