namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>One line of the generated catalog: a model id and its request type.</summary>
    internal sealed record CatalogEntry(string ModelId, string Namespace, string TypeName);
}
