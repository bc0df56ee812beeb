namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>
    /// One <c>validations</c> entry, emitted as <c>MediaRule</c> data for the runtime. <see cref="Subject"/> and
    /// <see cref="Operator"/> are the rule read by <c>MediaRuleGrammar</c> (empty for a rule it does not know),
    /// for the hover text.
    /// </summary>
    internal sealed record MediaRuleSpec(string Rule, string Value, string? Message, string Subject, string Operator);
}
