using System.Globalization;

namespace RunComfy.Media.Rules;

/// <summary>A <c>validations</c> rule this runtime understands: subject, operator and the schema's value.</summary>
internal sealed record ParsedMediaRule(MediaRule Rule, MediaRuleSubject Subject, MediaRuleComparison Comparison)
{
    // Any real width/height ratio lies within (2^-31, 2^31); clamping keeps limit x height from overflowing.
    private const decimal RatioClamp = 4_294_967_296m;

    /// <summary>True for the rules that need the image header (everything but the file size).</summary>
    public bool NeedsDimensions => Subject != MediaRuleSubject.FileSizeMb;

    /// <summary>Reads a rule name such as <c>width/height&gt;</c> (<see cref="MediaRuleGrammar"/>); false for a rule this runtime does not know.</summary>
    public static bool TryParse(MediaRule rule, out ParsedMediaRule? parsed)
    {
        parsed = null;
        if (!MediaRuleGrammar.TryParse(rule.Rule, out var subjectName, out var op) || !double.IsFinite(rule.Value))
        {
            return false;
        }

        var subject = subjectName switch
        {
            MediaRuleGrammar.FileSizeMb => MediaRuleSubject.FileSizeMb,
            MediaRuleGrammar.WidthPixels => MediaRuleSubject.WidthPixels,
            MediaRuleGrammar.HeightPixels => MediaRuleSubject.HeightPixels,
            _ => MediaRuleSubject.AspectRatio,
        };
        var comparison = op switch
        {
            "<" => MediaRuleComparison.Less,
            ">" => MediaRuleComparison.Greater,
            "<=" => MediaRuleComparison.LessOrEqual,
            _ => MediaRuleComparison.GreaterOrEqual,
        };
        parsed = new ParsedMediaRule(rule, subject, comparison);
        return true;
    }

    /// <summary>The limit in the rule's unit: bytes for file sizes (value x 1,000,000), else the value.</summary>
    public decimal Limit => Subject == MediaRuleSubject.FileSizeMb ? ToDecimal(Rule.Value) * 1_000_000m : ToDecimal(Rule.Value);

    /// <summary>Whether a file size in bytes passes.</summary>
    public bool PassesSize(long bytes) => Compare(bytes, Limit);

    /// <summary>Whether an image passes a width, height or aspect ratio rule.</summary>
    /// <remarks>
    /// The ratio is compared as width against limit x height, exactly, in decimal: 33x100 against
    /// <c>width/height&gt; 0.33</c> is equal (and fails), never off by a binary rounding.
    /// </remarks>
    public bool PassesImage(int width, int height) => Subject switch
    {
        MediaRuleSubject.WidthPixels => Compare(width, Limit),
        MediaRuleSubject.HeightPixels => Compare(height, Limit),
        _ => Compare(width, Math.Clamp(Limit, -RatioClamp, RatioClamp) * height),
    };

    /// <summary>The operator as written.</summary>
    public string Operator => Comparison switch
    {
        MediaRuleComparison.Less => "<",
        MediaRuleComparison.Greater => ">",
        MediaRuleComparison.LessOrEqual => "<=",
        _ => ">=",
    };

    /// <summary>The value as the schema wrote it.</summary>
    public string ValueText => Rule.Value.ToString(CultureInfo.InvariantCulture);

    private bool Compare(decimal actual, decimal limit) => Comparison switch
    {
        MediaRuleComparison.Less => actual < limit,
        MediaRuleComparison.Greater => actual > limit,
        MediaRuleComparison.LessOrEqual => actual <= limit,
        _ => actual >= limit,
    };

    // double -> decimal keeps 15 significant digits, which turns 0.33 back into exactly 0.33.
    private static decimal ToDecimal(double value) =>
        Math.Abs(value) < 7.9e21 ? (decimal)value : (value < 0 ? -7.9e21m : 7.9e21m);
}
