namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>
    /// A model after the compilation-wide name checks: <see cref="Model"/> is null when it lost a
    /// duplicate id or type name to an earlier schema; its enums may have been renamed.
    /// </summary>
    internal sealed record ResolvedModel(string Path, ModelSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics);

    /// <summary>The outcome of the compilation-wide check for one model.</summary>
    internal sealed record NameResolution(string Path, bool Excluded, EquatableArray<string> EnumTypeNames, EquatableArray<DiagnosticInfo> Diagnostics);
}
