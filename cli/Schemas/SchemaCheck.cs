using System.Text.Json;
using RunComfy.Cli.Exit;

namespace RunComfy.Cli.Schemas;

/// <summary>
/// Compares every schema in a folder with the one RunComfy serves now (<c>GET /v1/models/{id}</c>). A model the
/// API no longer knows (400001) is breaking drift; a local file that is not a schema is reported and the rest checked.
/// </summary>
internal static class SchemaCheck
{
    /// <summary>Throws (exit 66) when the schemas folder is missing: checked before a token is asked for or the API called.</summary>
    public static void RequireFolder(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new CliException(ExitCodes.MissingFile, $"The schemas folder '{directory}' does not exist. Pull schemas first: comfy-schema schemas pull <model_id>.");
        }
    }

    public static async Task<IReadOnlyList<ModelDrift>> RunAsync(RunComfyClient client, string directory, CancellationToken cancellationToken)
    {
        RequireFolder(directory);
        var results = new List<ModelDrift>();
        foreach (var (modelId, path) in SchemaFiles.List(directory))
        {
            if (SchemaFiles.Problem(modelId) is { } idProblem)
            {
                results.Add(new ModelDrift(modelId, path, DriftStatus.Unchecked, [], idProblem));
                continue;
            }

            var local = await File.ReadAllTextAsync(path, cancellationToken);
            try
            {
                SchemaParameters.ParseObject(local);
            }
            catch (JsonException e)
            {
                results.Add(new ModelDrift(modelId, path, DriftStatus.Unchecked, [], $"the local file is not a JSON schema object: {e.Message}"));
                continue;
            }

            CatalogModel remote;
            try
            {
                remote = await client.GetModelAsync(modelId, cancellationToken);
            }
            catch (RunComfyException e) when (e.ErrorCode == RunComfyErrorCodes.InvalidResourceId)
            {
                results.Add(new ModelDrift(modelId, path, DriftStatus.Breaking,
                    [new SchemaChange("", SchemaChangeKind.ModelRemoved, true, "RunComfy no longer serves this model (400001)")]));
                continue;
            }

            IReadOnlyList<SchemaChange> changes;
            try
            {
                changes = SchemaComparer.Compare(local, remote.InputSchemaJson!);
            }
            catch (JsonException e)
            {
                results.Add(new ModelDrift(modelId, path, DriftStatus.Unchecked, [], $"RunComfy's schema is not a JSON object: {e.Message}"));
                continue;
            }

            results.Add(ModelDrift.From(modelId, path, changes));
        }

        return results;
    }

    /// <summary>Breaking beats unchecked beats compatible beats in sync.</summary>
    public static int ExitCodeOf(IReadOnlyList<ModelDrift> results) =>
        results.Any(r => r.Status == DriftStatus.Breaking) ? ExitCodes.SchemaDriftBreaking
        : results.Any(r => r.Status == DriftStatus.Unchecked) ? ExitCodes.BadInput
        : results.Any(r => r.Status == DriftStatus.Compatible) ? ExitCodes.SchemaDriftCompatible
        : ExitCodes.Ok;
}
