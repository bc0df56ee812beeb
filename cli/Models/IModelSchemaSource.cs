using RunComfy.Cli.Connection;

namespace RunComfy.Cli.Models;

/// <summary>
/// Where the CLI gets the input schema of a model that is not compiled into it: the <c>input_schema</c> of
/// <c>GET /v1/models/{model_id}</c> on the API of the session. One method, so it can be pointed at the
/// runtime's catalog call (<c>RunComfyClient.GetModelAsync</c>) once the runtime has it.
/// </summary>
internal interface IModelSchemaSource
{
    /// <summary>The model's input schema as JSON text.</summary>
    /// <exception cref="Exit.CliException">The API does not know the model, refuses the token, or cannot be reached.</exception>
    Task<string> GetInputSchemaAsync(ClientSession session, string modelId, CancellationToken cancellationToken);
}
