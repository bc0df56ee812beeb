using System.Globalization;
using System.Text;

namespace RunComfy;

/// <summary>
/// Rewrites an ECMA 262 pattern (what JSON Schema's <c>pattern</c> means) into a .NET pattern that
/// matches the same strings under any <see cref="System.Text.RegularExpressions.RegexOptions"/>, so
/// it can run on the non-backtracking engine (which cannot be combined with <c>ECMAScript</c>):
/// <list type="bullet">
/// <item><c>\d</c>, <c>\w</c> and their negations become explicit ASCII sets, as ECMA 262 defines them.</item>
/// <item><c>\s</c> and <c>\S</c> become ECMA 262's WhiteSpace and LineTerminator set: ASCII space and
/// controls, NBSP, U+1680, U+2000–U+200A, U+2028, U+2029, U+202F, U+205F, U+3000 and the BOM.</item>
/// <item><c>.</c> excludes the four ECMA line terminators (<c>\n</c>, <c>\r</c>, U+2028, U+2029), not just <c>\n</c>.</item>
/// <item><c>$</c> is the end of the input (<c>\z</c>): .NET's <c>$</c> also matches before a final <c>\n</c>.</item>
/// <item><c>[]</c> matches nothing and <c>[^]</c> any character, as in ECMA 262.</item>
/// </list>
/// Everything else is copied unchanged.
/// </summary>
internal static class EcmaPattern
{
    /// <summary>ECMA 262 <c>\s</c>: WhiteSpace (TAB, VT, FF, SP, NBSP, ZWNBSP and category Zs) plus LineTerminator.</summary>
    internal static readonly (char First, char Last)[] Space =
    [
        ('\u0009', '\u000D'), ('\u0020', '\u0020'), ('\u00A0', '\u00A0'), ('\u1680', '\u1680'),
        ('\u2000', '\u200A'), ('\u2028', '\u2029'), ('\u202F', '\u202F'), ('\u205F', '\u205F'),
        ('\u3000', '\u3000'), ('\uFEFF', '\uFEFF'),
    ];

    private static readonly (char First, char Last)[] Digit = [('0', '9')];

    private static readonly (char First, char Last)[] Word = [('0', '9'), ('A', 'Z'), ('_', '_'), ('a', 'z')];

    private const string AnyButLineTerminator = @"[^\n\r\u2028\u2029]";

    /// <summary>The .NET form of <paramref name="pattern"/>.</summary>
    public static string Translate(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 16);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                char escaped = pattern[++i];
                if (ClassEscape(escaped) is var (ranges, negated))
                {
                    AppendClass(builder, ranges, negated, inClass);
                }
                else
                {
                    builder.Append(c).Append(escaped);
                }

                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
                builder.Append(c);
            }
            else if (c == '[')
            {
                // ECMA 262 allows an empty class: [] matches nothing, [^] any character.
                if (string.CompareOrdinal(pattern, i, "[]", 0, 2) == 0)
                {
                    builder.Append(@"[^\u0000-\uFFFF]");
                    i += 1;
                }
                else if (string.CompareOrdinal(pattern, i, "[^]", 0, 3) == 0)
                {
                    builder.Append(@"[\u0000-\uFFFF]");
                    i += 2;
                }
                else
                {
                    inClass = true;
                    builder.Append(c);
                }
            }
            else if (c == '.')
            {
                builder.Append(AnyButLineTerminator);
            }
            else if (c == '$')
            {
                builder.Append(@"\z");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    private static ((char First, char Last)[] Ranges, bool Negated)? ClassEscape(char escaped) => escaped switch
    {
        'd' => (Digit, false),
        'D' => (Digit, true),
        'w' => (Word, false),
        'W' => (Word, true),
        's' => (Space, false),
        'S' => (Space, true),
        _ => null,
    };

    // Outside a class: a class of its own. Inside one: its ranges, complemented explicitly for the
    // negated forms, since .NET cannot nest a negated class in a union.
    private static void AppendClass(StringBuilder builder, (char First, char Last)[] ranges, bool negated, bool inClass)
    {
        if (!inClass)
        {
            builder.Append(negated ? "[^" : "[");
            AppendRanges(builder, ranges);
            builder.Append(']');
        }
        else
        {
            AppendRanges(builder, negated ? Complement(ranges) : ranges);
        }
    }

    private static void AppendRanges(StringBuilder builder, IEnumerable<(char First, char Last)> ranges)
    {
        foreach (var (first, last) in ranges)
        {
            AppendChar(builder, first);
            if (last != first)
            {
                builder.Append('-');
                AppendChar(builder, last);
            }
        }
    }

    private static void AppendChar(StringBuilder builder, char c) =>
        builder.Append(@"\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));

    /// <summary>Every UTF-16 code unit not in <paramref name="ranges"/> (sorted, disjoint).</summary>
    internal static List<(char First, char Last)> Complement((char First, char Last)[] ranges)
    {
        var result = new List<(char, char)>();
        int next = 0;
        foreach (var (first, last) in ranges)
        {
            if (first > next)
            {
                result.Add(((char)next, (char)(first - 1)));
            }

            next = last + 1;
        }

        if (next <= char.MaxValue)
        {
            result.Add(((char)next, char.MaxValue));
        }

        return result;
    }
}
