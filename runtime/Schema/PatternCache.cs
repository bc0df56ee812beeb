using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace RunComfy;

/// <summary>
/// Compiles each schema <c>pattern</c> once per process, as close to ECMA 262 (what JSON Schema
/// specifies) as .NET allows:
/// <list type="bullet">
/// <item>A pattern that compiles with <see cref="RegexOptions.ECMAScript"/> uses it, so <c>\d</c>,
/// <c>\w</c> and <c>\s</c> are ASCII-only as in JavaScript (<c>^\d+$</c> rejects Arabic-Indic digits).
/// A pattern that needs .NET-only syntax (<c>\p{L}</c>, named groups, lookbehind) falls back to the
/// default .NET semantics (Unicode classes).</item>
/// <item><c>$</c> outside a character class means end of input, as in ECMA 262 without the <c>m</c>
/// flag: .NET would also match before a final <c>\n</c> (<c>^[a-z]+$</c> would accept <c>"abc\n"</c>).</item>
/// <item>Not emulated: <c>.</c> still matches <c>\r</c>, U+2028 and U+2029; Unicode escapes <c>\u{...}</c>.</item>
/// <item>Matching stops after <see cref="MatchTimeout"/>; <see cref="ValidationCollector.Pattern"/> reports that as an error.</item>
/// </list>
/// </summary>
internal static class PatternCache
{
    /// <summary>How long one match may run before it is abandoned (a hostile value or pattern).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static Regex Get(string pattern) => Patterns.GetOrAdd(pattern, Compile);

    private static Regex Compile(string pattern)
    {
        string translated = EndOfInputDollars(pattern);
        try
        {
            return new Regex(translated, RegexOptions.ECMAScript, MatchTimeout);
        }
        catch (ArgumentException)
        {
            return new Regex(translated, RegexOptions.CultureInvariant, MatchTimeout);
        }
    }

    /// <summary>
    /// Rewrites every unescaped <c>$</c> outside a character class to <c>(?!\n)$</c>: .NET's <c>$</c>
    /// also matches just before a final newline, ECMA 262's only at the end of the input.
    /// </summary>
    internal static string EndOfInputDollars(string pattern)
    {
        var builder = new StringBuilder(pattern.Length + 8);
        bool inClass = false;
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                builder.Append(c).Append(pattern[++i]);
                continue;
            }

            if (inClass)
            {
                inClass = c != ']';
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == '$')
            {
                builder.Append(@"(?!\n)");
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
