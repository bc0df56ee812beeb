namespace RunComfy.Media.Rules;

/// <summary>How a measured value must compare with a rule's value; the operator ends the rule name.</summary>
internal enum MediaRuleComparison
{
    /// <summary><c>&lt;</c>: strictly less.</summary>
    Less,

    /// <summary><c>&gt;</c>: strictly greater.</summary>
    Greater,

    /// <summary><c>&lt;=</c>: at most.</summary>
    LessOrEqual,

    /// <summary><c>&gt;=</c>: at least.</summary>
    GreaterOrEqual,
}
