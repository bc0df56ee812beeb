namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>What parsing one schema file gives: the model (null when the file cannot generate) and its diagnostics.</summary>
    internal sealed record ParseResult(string Path, ModelSpec? Model, EquatableArray<DiagnosticInfo> Diagnostics);
}
