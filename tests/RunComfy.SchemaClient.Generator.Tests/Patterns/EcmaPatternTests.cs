using System.Text.RegularExpressions;
using RunComfy.Metadata;

namespace RunComfy.SchemaClient.Generator.Tests.Patterns;

/// <summary>
/// <c>pattern</c> means what ECMA 262 says on every engine a pattern may run on: the non-backtracking
/// one, and the backtracking fallbacks for lookarounds, backreferences, <c>\b</c> and .NET-only syntax.
/// </summary>
public sealed class EcmaPatternTests
{
    /// <summary>Every character ECMA 262's <c>\s</c> matches beyond ASCII.</summary>
    public static TheoryData<string> UnicodeSpaces { get; } =
    [
        "\u00A0", "\u1680", "\u2000", "\u2005", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000", "\uFEFF",
    ];

    [Theory]
    [MemberData(nameof(UnicodeSpaces))]
    public void Backslash_s_matches_the_unicode_spaces_and_backslash_S_does_not_on_every_engine(string space)
    {
        // Plain (non-backtracking), with a lookahead (backtracking, ECMAScript), and with a lookahead and
        // \p (backtracking, default options).
        foreach (string prefix in new[] { "^", "^(?=[\\s\\S])", "^(?=\\p{Zs}|[\\s\\S])" })
        {
            Matches(prefix + "\\s$", space).ShouldBeTrue($"{prefix}\\s$ against U+{(int)space[0]:X4}");
            Matches(prefix + "\\S$", space).ShouldBeFalse($"{prefix}\\S$ against U+{(int)space[0]:X4}");
            Matches(prefix + "[\\s]$", space).ShouldBeTrue($"{prefix}[\\s]$ against U+{(int)space[0]:X4}");
            Matches(prefix + "[^\\s]$", space).ShouldBeFalse($"{prefix}[^\\s]$ against U+{(int)space[0]:X4}");
            Matches(prefix + "[\\Sx]$", space).ShouldBeFalse($"{prefix}[\\Sx]$ against U+{(int)space[0]:X4}");
        }
    }

    [Theory]
    [InlineData("\u180E")] // Mongolian vowel separator: not a space since Unicode 6.3.
    [InlineData("\u200B")] // Zero-width space: category Cf, not Zs.
    [InlineData("a")]
    public void Backslash_s_does_not_match_other_characters(string text)
    {
        Matches("^\\s$", text).ShouldBeFalse();
        Matches("^\\S$", text).ShouldBeTrue();
        Matches("^[\\S]$", text).ShouldBeTrue();
    }

    [Theory]
    [InlineData("^\\d+$", "\u0661\u0662", false)] // Arabic-Indic digits are not \d.
    [InlineData("^\\D+$", "\u0661\u0662", true)]
    [InlineData("^\\w+$", "é", false)]
    [InlineData("^[\\W]+$", "é", true)]
    [InlineData("^[\\D]$", "5", false)]
    [InlineData("^[a-z]+$", "abc\n", false)] // $ is the end of input, not before a final \n.
    [InlineData("^a.c$", "a\rc", false)] // . excludes every ECMA line terminator.
    [InlineData("^a.c$", "a\u2028c", false)]
    [InlineData("^a.c$", "a-c", true)]
    [InlineData("^[.]$", ".", true)]
    [InlineData("[$]", "a$b", true)]
    [InlineData("a\\$", "a$", true)]
    [InlineData("^[]", "a", false)] // [] matches nothing, [^] anything.
    [InlineData("^[^]$", "\n", true)]
    [InlineData("\\bcat\\b", "écat", true)] // \b looks at ASCII word characters only.
    [InlineData("^\\p{L}+$", "été", true)]
    [InlineData("^\\p{L}+$", "été\n", false)]
    [InlineData("^(a)\\1$", "aa", true)] // A backreference runs on the backtracking engine.
    public void Patterns_follow_ecma_262(string pattern, string value, bool matches) =>
        Matches(pattern, value).ShouldBe(matches);

    [Theory]
    [InlineData("^(a+)+$", true)]
    [InlineData("^[a-z0-9]+(-[a-z0-9]+)*$", true)]
    [InlineData("^(?=a)a$", false)]
    [InlineData("^(a)\\1$", false)]
    [InlineData("\\bword", false)]
    public void Patterns_without_backtracking_constructs_run_on_the_non_backtracking_engine(string pattern, bool nonBacktracking) =>
        PatternCache.OptionsOf(pattern).HasFlag(RegexOptions.NonBacktracking).ShouldBe(nonBacktracking);

    [Fact]
    public void A_nested_quantifier_over_a_hostile_value_is_answered_without_a_timeout()
    {
        var collector = new ValidationCollector();
        collector.Pattern("code", new string('a', 50_000) + "!", "^(a+)+$");

        ValidationError error = collector.ToResult().Errors.ShouldHaveSingleItem();
        error.Message.ShouldBe("must match the pattern ^(a+)+$.");
    }

    private static bool Matches(string pattern, string value)
    {
        var collector = new ValidationCollector();
        collector.Pattern("value", value, pattern);
        return collector.ToResult().IsValid;
    }
}
