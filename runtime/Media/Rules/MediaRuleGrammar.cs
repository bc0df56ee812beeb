using System;
using System.Collections.Generic;

namespace RunComfy.Media.Rules;

/// <summary>
/// The one grammar of <c>validations</c> rule names: a subject followed directly by an operator, no spaces
/// (<c>width_pixels&gt;</c>, <c>file_size_mb&lt;=</c>). The runtime parses rules with it and the generator
/// compiles this same file (linked, so it stays netstandard2.0-compatible C#) to decide which rules to warn
/// about, so a rule is either known to both or unknown to both.
/// </summary>
internal static class MediaRuleGrammar
{
    /// <summary>File size, in megabytes of 1,000,000 bytes.</summary>
    public const string FileSizeMb = "file_size_mb";

    /// <summary>Width in pixels.</summary>
    public const string WidthPixels = "width_pixels";

    /// <summary>Height in pixels.</summary>
    public const string HeightPixels = "height_pixels";

    /// <summary>Width divided by height.</summary>
    public const string AspectRatio = "width/height";

    /// <summary>Every subject.</summary>
    public static readonly IReadOnlyList<string> Subjects = new[] { FileSizeMb, WidthPixels, HeightPixels, AspectRatio };

    /// <summary>Every operator, two-character ones first so that <c>&lt;=</c> is never read as <c>&lt;</c>.</summary>
    public static readonly IReadOnlyList<string> Operators = new[] { "<=", ">=", "<", ">" };

    /// <summary>Every rule name the grammar accepts: each subject with each operator.</summary>
    public static readonly IReadOnlyList<string> KnownRules = AllRules();

    /// <summary>Splits a rule name into its subject and operator; false for any name the grammar does not accept.</summary>
    public static bool TryParse(string rule, out string subject, out string op)
    {
        subject = "";
        op = "";
        if (rule is null)
        {
            return false;
        }

        foreach (var candidate in Operators)
        {
            if (!rule.EndsWith(candidate, StringComparison.Ordinal))
            {
                continue;
            }

            var name = rule.Substring(0, rule.Length - candidate.Length);
            foreach (var known in Subjects)
            {
                if (string.Equals(name, known, StringComparison.Ordinal))
                {
                    subject = known;
                    op = candidate;
                    return true;
                }
            }

            return false;
        }

        return false;
    }

    private static string[] AllRules()
    {
        var rules = new List<string>();
        foreach (var subject in Subjects)
        {
            foreach (var op in Operators)
            {
                rules.Add(subject + op);
            }
        }

        return rules.ToArray();
    }
}
