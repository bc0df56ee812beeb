namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>
    /// The names one model claims in the compilation (model id, namespace, request type, enum types),
    /// collected across all schemas to find duplicates. Small on purpose: editing a description does
    /// not change it, so the other models stay cached. Holds no locations for the same reason.
    /// </summary>
    internal sealed record ModelIdentity(string Path, string ModelId, string Namespace, string TypeName, EquatableArray<string> EnumTypeNames);
}
