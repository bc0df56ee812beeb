namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>
    /// One model after emission: its file (hint name and source) and catalog entry, or neither when it could
    /// not be written, plus every diagnostic of the model. The catalog is built from these, so it never lists
    /// a model whose file was left out.
    /// </summary>
    internal sealed record EmittedModel(string Path, string? HintName, string? Source, CatalogEntry? Entry, EquatableArray<DiagnosticInfo> Diagnostics);
}
