using System.Collections.Concurrent;
using System.Text.RegularExpressions;

namespace RunComfy;

/// <summary>
/// Compiles each schema <c>pattern</c> once per process. JSON Schema patterns are ECMA 262; the .NET
/// engine agrees on the constructs schemas use, and a timeout keeps a hostile value from hanging.
/// </summary>
internal static class PatternCache
{
    private static readonly ConcurrentDictionary<string, Regex> Patterns = new(StringComparer.Ordinal);

    public static Regex Get(string pattern) =>
        Patterns.GetOrAdd(pattern, static p => new Regex(p, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)));
}
