using RunComfy.Cli.Connection;
using RunComfy.Cli.Models;

namespace RunComfy.SchemaClient.Cli.Tests.Models;

/// <summary>Answers like <c>GET /v1/models/{id}</c> for the schemas it holds, and counts the calls.</summary>
internal sealed class FakeSchemaSource(IReadOnlyDictionary<string, string> schemas) : IModelSchemaSource
{
    public int Calls { get; private set; }

    public Task<string> GetInputSchemaAsync(ClientSession session, string modelId, CancellationToken cancellationToken)
    {
        Calls++;
        return schemas.TryGetValue(modelId, out var schema)
            ? Task.FromResult(schema)
            : throw new RunComfy.Cli.Exit.CliException(RunComfy.Cli.Exit.ExitCodes.BadInput, $"Unknown model '{modelId}'.");
    }
}
