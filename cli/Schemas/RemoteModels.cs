namespace RunComfy.Cli.Schemas;

/// <summary>The parameters of a model that is not compiled in, read from the input schema the API sent.</summary>
internal static class RemoteModels
{
    /// <summary>
    /// The one place a remote model's schema becomes parameters for display. Reads it with the CLI's lenient
    /// <see cref="SchemaParameters"/> reader today; once <c>ModelInfo.FromSchema</c> is in the runtime, this is where
    /// to call it instead, so that <c>models show</c> and <c>run</c> describe a remote model the same way.
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The schema is not a JSON object.</exception>
    public static IReadOnlyList<ModelParameter> ParametersOf(CatalogModel model) =>
        SchemaParameters.Read(model.InputSchemaJson ?? "{}");
}
