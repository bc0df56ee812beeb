namespace RunComfy.Schema.Interpreted;

/// <summary>The keywords inside <c>items</c> checked on every item, as the generator's <c>ItemRulesSpec</c>; numbers are JSON text.</summary>
internal sealed record InterpretedItemRules(
    IReadOnlyList<string> EnumValues,
    int? MinLength,
    int? MaxLength,
    string? Pattern,
    string? Minimum,
    string? Maximum,
    string? ExclusiveMinimum,
    string? ExclusiveMaximum)
{
    public bool IsEmpty =>
        EnumValues.Count == 0 && MinLength is null && MaxLength is null && Pattern is null
        && Minimum is null && Maximum is null && ExclusiveMinimum is null && ExclusiveMaximum is null;
}
