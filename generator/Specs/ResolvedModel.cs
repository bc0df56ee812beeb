namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>
    /// A model after the compilation-wide name checks: <see cref="Model"/> is null when it lost a
    /// duplicate id or type name to an earlier schema; its enums may have been renamed.
    /// </summary>
    internal sealed record ResolvedModel(string Path, ModelSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>The outcome of the compilation-wide check for one model: its request type name (renamed on a case clash) and enum type names.</summary>
    internal sealed record NameResolution(string Path, bool Excluded, string TypeName, EquatableArray<string> EnumTypeNames, EquatableArray<DiagnosticInfo> Diagnostics);
}
