using RunComfy.Cli.Connection;
using RunComfy.Cli.Schemas;

namespace RunComfy.Cli.Models;

/// <summary>
/// The input schema from RunComfy's catalog (<c>GET /v1/models/{model_id}</c>) through the session's client:
/// the runtime's retries, error mapping and redaction, the same call <c>models show</c> makes.
/// </summary>
internal sealed class CatalogSchemaSource : IModelSchemaSource
{
    public static CatalogSchemaSource Instance { get; } = new();

    public async Task<string> GetInputSchemaAsync(ClientSession session, string modelId, CancellationToken cancellationToken) =>
        (await RemoteModels.GetAsync(session, modelId, cancellationToken)).InputSchemaJson!;
}
