namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>
    /// The keywords inside <c>items</c> that <c>Validate()</c> checks on every item (<c>tags[2]</c>).
    /// Numbers are JSON text, as in <see cref="PropertySpec"/>; string enum values are the strings themselves.
    /// </summary>
    internal sealed record ItemRulesSpec(
        EquatableArray<string> EnumJson,
        int? MinLength,
        int? MaxLength,
        string? Pattern,
        string? Minimum,
        string? Maximum,
        string? ExclusiveMinimum,
        string? ExclusiveMaximum)
    {
        public bool IsEmpty =>
            EnumJson.Count == 0 && MinLength is null && MaxLength is null && Pattern is null
            && Minimum is null && Maximum is null && ExclusiveMinimum is null && ExclusiveMaximum is null;
    }
}
