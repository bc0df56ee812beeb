using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace RunComfy.Emulator.Validation;

/// <summary>
/// A schema <c>pattern</c> as ECMA 262 reads it, written independently of the client's translation so
/// the two check each other: the pattern runs with <see cref="RegexOptions.ECMAScript"/> (ASCII <c>\d</c>,
/// <c>\w</c>, <c>\b</c>) after the classes .NET gets wrong there are spelled out:
/// <c>\s</c>/<c>\S</c> (ECMA 262 counts NBSP, U+1680, U+2000–U+200A, U+2028/2029, U+202F, U+205F, U+3000
/// and the BOM as spaces; .NET's ECMAScript mode only ASCII ones), <c>.</c> (not the four line
/// terminators) and <c>$</c> (end of input only). A pattern ECMAScript mode rejects (<c>\p{L}</c>) runs with
/// default options, <c>\d</c> and <c>\w</c> spelled out too.
/// </summary>
internal static class EcmaRegex
{
    private const string Spaces = @"\t\n\v\f\r \u00A0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000\uFEFF";

    // Every UTF-16 unit outside Spaces, for \S inside a class, where a negated class cannot nest.
    private const string NonSpaces = @"\u0000-\u0008\u000E-\u001F\u0021-\u009F\u00A1-\u167F\u1681-\u1FFF\u200B-\u2027\u202A-\u202E\u2030-\u205E\u2060-\u2FFF\u3001-\uFEFE\uFF00-\uFFFF";

    private static readonly ConcurrentDictionary<string, (string Pattern, RegexOptions Options)> Compiled = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="value"/> matches, giving up with <see cref="RegexMatchTimeoutException"/> after <paramref name="timeout"/>.</summary>
    public static bool IsMatch(string pattern, string value, TimeSpan timeout)
    {
        var (translated, options) = Compiled.GetOrAdd(pattern, Prepare);
        // Regex's own cache keys on the timeout too; a budget's leftover time varies, so build the matcher here.
        return new Regex(translated, options, timeout).IsMatch(value);
    }

    private static (string, RegexOptions) Prepare(string pattern)
    {
        var ecma = Rewrite(pattern, spellOutDigitsAndWords: false);
        try
        {
            _ = new Regex(ecma, RegexOptions.ECMAScript);
            return (ecma, RegexOptions.ECMAScript);
        }
        catch (ArgumentException)
        {
            return (Rewrite(pattern, spellOutDigitsAndWords: true), RegexOptions.CultureInvariant);
        }
    }

    private static string Rewrite(string pattern, bool spellOutDigitsAndWords)
    {
        var text = new StringBuilder(pattern.Length + 32);
        var inClass = false;
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var next = pattern[++i];
                text.Append((next, inClass, spellOutDigitsAndWords) switch
                {
                    ('s', false, _) => "[" + Spaces + "]",
                    ('S', false, _) => "[^" + Spaces + "]",
                    ('s', true, _) => Spaces,
                    ('S', true, _) => NonSpaces,
                    ('d', false, true) => "[0-9]",
                    ('D', false, true) => "[^0-9]",
                    ('w', false, true) => "[A-Za-z0-9_]",
                    ('W', false, true) => "[^A-Za-z0-9_]",
                    ('d', true, true) => "0-9",
                    ('w', true, true) => "A-Za-z0-9_",
                    _ => "\\" + next,
                });
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                text.Append(c);
                continue;
            }
            switch (c)
            {
                case '[' when pattern.AsSpan(i).StartsWith("[]"):
                    text.Append(@"[^\u0000-\uFFFF]");
                    i++;
                    break;
                case '[' when pattern.AsSpan(i).StartsWith("[^]"):
                    text.Append(@"[\u0000-\uFFFF]");
                    i += 2;
                    break;
                case '[':
                    inClass = true;
                    text.Append(c);
                    break;
                case '.':
                    text.Append(@"[^\n\r\u2028\u2029]");
                    break;
                case '$':
                    text.Append(@"(?!\n)$");
                    break;
                default:
                    text.Append(c);
                    break;
            }
        }
        return text.ToString();
    }
}
