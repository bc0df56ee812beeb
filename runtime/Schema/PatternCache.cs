using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using RunComfy.Metadata;

namespace RunComfy;

/// <summary>
/// Compiles each schema <c>pattern</c> once per process, with ECMA 262 semantics (what JSON Schema
/// specifies; see <see cref="EcmaPattern"/> for the translation):
/// <list type="bullet">
/// <item>A pattern the non-backtracking engine supports runs on it, so its match time is linear in the
/// value whatever the pattern (<c>^(a+)+$</c> is no ReDoS risk).</item>
/// <item>A pattern it does not support (lookarounds, backreferences, <c>\b</c>, whose ECMA meaning needs
/// <see cref="RegexOptions.ECMAScript"/>) falls back to the backtracking engine with
/// <see cref="RegexOptions.ECMAScript"/>, then, for .NET-only syntax such as <c>\p{L}</c>, to the default
/// options. The translated classes are explicit sets, so <c>\d</c>, <c>\w</c> and <c>\s</c> keep their
/// ECMA meaning on every engine.</item>
/// <item>One match stops after <see cref="MatchTimeout"/>, and all matches of one <c>Validate()</c> call
/// share <see cref="ValidationBudget"/> (see <see cref="ValidationCollector.Pattern"/>).</item>
/// </list>
/// </summary>
internal static class PatternCache
{
    /// <summary>How long one match may run before it is abandoned (a hostile value or pattern).</summary>
    public static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(1);

    /// <summary>How long all pattern matches of one <c>Validate()</c> call may run together.</summary>
    public static readonly TimeSpan ValidationBudget = TimeSpan.FromSeconds(2);

    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    /// <summary>The compiled pattern, abandoning a match after <see cref="MatchTimeout"/>.</summary>
    public static Regex Get(string pattern) => Patterns.GetOrAdd(pattern, static p => Compile(p, MatchTimeout));

    /// <summary>
    /// Whether <paramref name="value"/> matches, within <paramref name="timeout"/>; throws
    /// <see cref="RegexMatchTimeoutException"/> when it runs out.
    /// </summary>
    public static bool IsMatch(string pattern, string value, TimeSpan timeout)
    {
        Regex cached = Get(pattern);
        // A shorter limit than the cached one only near the end of a budget, so building one is rare.
        Regex regex = timeout >= cached.MatchTimeout ? cached : new Regex(cached.ToString(), cached.Options, timeout);
        return regex.IsMatch(value);
    }

    /// <summary>The engine and options a pattern runs with (for tests and docs).</summary>
    internal static RegexOptions OptionsOf(string pattern) => Get(pattern).Options;

    private static Regex Compile(string pattern, TimeSpan timeout)
    {
        string translated = EcmaPattern.Translate(pattern);
        if (!UsesWordBoundary(pattern))
        {
            try
            {
                return new Regex(translated, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant, timeout);
            }
            catch (NotSupportedException)
            {
                // Lookarounds, backreferences, atomic groups: the backtracking engine below.
            }
            catch (ArgumentException)
            {
                // .NET-only or invalid syntax: let the fallbacks decide.
            }
        }

        try
        {
            return new Regex(translated, RegexOptions.ECMAScript, timeout);
        }
        catch (ArgumentException)
        {
        }

        try
        {
            return new Regex(translated, RegexOptions.CultureInvariant, timeout);
        }
        catch (ArgumentException)
        {
            // A construct the translation does not foresee: the pattern as the generator checked it.
            return new Regex(pattern, RegexOptions.CultureInvariant, timeout);
        }
    }

    // ECMA 262's \b and \B look at ASCII word characters; only RegexOptions.ECMAScript does the same in .NET.
    private static bool UsesWordBoundary(string pattern)
    {
        bool inClass = false;
        for (int i = 0; i + 1 < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\')
            {
                char next = pattern[++i];
                if (!inClass && (next == 'b' || next == 'B'))
                {
                    return true;
                }
            }
            else if (c == '[')
            {
                inClass = true;
            }
            else if (c == ']')
            {
                inClass = false;
            }
        }

        return false;
    }
}
