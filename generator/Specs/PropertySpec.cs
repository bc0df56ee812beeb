namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>
    /// One schema property. Numbers are kept as their JSON text so the emitted literals are exact
    /// (<c>4294967295</c>, <c>0.5</c>).
    /// </summary>
    internal sealed record PropertySpec(
        string JsonName,
        string MemberName,
        bool IsArray,
        ValueKind Kind,
        int EnumIndex,
        bool Required,
        string SchemaType,
        string? Format,
        string? ItemType,
        string? ItemFormat,
        string? Title,
        string? Description,
        string? DefaultJson,
        EquatableArray<string> EnumJson,
        bool HasEnum,
        string? Minimum,
        string? Maximum,
        string? ExclusiveMinimum,
        string? ExclusiveMaximum,
        int? MinLength,
        int? MaxLength,
        int? MinItems,
        int? MaxItems,
        string? Pattern,
        string? ConstJson,
        string? ValidationError,
        EquatableArray<MediaRuleSpec> MediaRules,
        ItemRulesSpec? ItemRules)
    {
        /// <summary>True for media inputs, single or array.</summary>
        public bool IsMedia => Kind == ValueKind.Media;
    }
}
