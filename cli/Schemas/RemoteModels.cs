using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Rendering;

namespace RunComfy.Cli.Schemas;

/// <summary>The parameters of a model that is not compiled in, read from the input schema the API sent.</summary>
internal static class RemoteModels
{
    /// <summary>A model from RunComfy's catalog; an id it does not know is bad input (exit 65), other errors map as usual.</summary>
    /// <exception cref="CliException">The id is malformed or unknown to the catalog.</exception>
    public static async Task<CatalogModel> GetAsync(ClientSession session, string modelId, CancellationToken cancellationToken)
    {
        try
        {
            return await session.Client.GetModelAsync(modelId, cancellationToken);
        }
        catch (ArgumentException e)
        {
            throw new CliException(ExitCodes.BadInput, ExitCodeMapper.MessageOf(e), e);
        }
        catch (RunComfyException e) when (e.ErrorCode == RunComfyErrorCodes.InvalidResourceId || e.Status == 404)
        {
            throw new CliException(ExitCodes.BadInput, $"Unknown model '{Printable.Short(modelId)}': not in the catalog of {Printable.Short(session.BaseAddress.ToString())}, and not compiled into this CLI (compiled: {string.Join(", ", ModelCatalog.All.Select(m => m.ModelId))}). See 'comfy-schema models --remote --search <text>'.", e);
        }
    }

    /// <summary>
    /// The one place a remote model's schema becomes parameters for display: the same <see cref="ModelInfo.FromSchema"/>
    /// that <c>run</c> uses. A schema it refuses is still shown, through the lenient <see cref="SchemaParameters"/>
    /// reader (the drift check reads schemas the same way).
    /// </summary>
    /// <exception cref="System.Text.Json.JsonException">The schema is not a JSON object.</exception>
    public static IReadOnlyList<ModelParameter> ParametersOf(CatalogModel model)
    {
        try
        {
            return ModelInfo.FromSchema(model.ModelId, model.InputSchemaJson ?? "{}").Parameters;
        }
        catch (ModelSchemaException)
        {
            try
            {
                return SchemaParameters.Read(model.InputSchemaJson ?? "{}");
            }
            catch (InvalidOperationException)
            {
                // A name or string with a lone surrogate escape ("\ud800"): no .NET string holds it, so no parameters
                // can be read; the model is still shown (its --json input_schema shows the escape as text).
                return [];
            }
        }
    }
}
