namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>One <c>validations</c> entry, emitted as <c>MediaRule</c> data for the runtime.</summary>
    internal sealed record MediaRuleSpec(string Rule, string Value, string? Message);
}
