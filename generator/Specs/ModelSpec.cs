namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>Everything the emitter needs to write one model's request type, enums and metadata.</summary>
    internal sealed record ModelSpec(
        string ModelId,
        string Namespace,
        string TypeName,
        string SourcePath,
        string SchemaJson,
        string? Title,
        string? Description,
        EquatableArray<PropertySpec> Properties,
        EquatableArray<EnumSpec> Enums);
}
