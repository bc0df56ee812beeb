using System.Text.Json;
using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;

namespace RunComfy.Cli.Models;

/// <summary>
/// Turns a model id that is not compiled into the CLI into a <see cref="ModelInfo"/>: its schema from the
/// cache when fresh (and from the same API), else from the API (then cached), read by <see cref="ModelInfo.FromSchema"/>,
/// so it gets the same validation as a compiled model.
/// </summary>
internal sealed class RemoteModelLoader
{
    private readonly SchemaCache _cache;
    private readonly IModelSchemaSource _source;

    public RemoteModelLoader(SchemaCache cache, IModelSchemaSource source)
    {
        _cache = cache;
        _source = source;
    }

    /// <param name="session">The API to ask.</param>
    /// <param name="modelId">The model id.</param>
    /// <param name="refresh">Fetch even when the cache is fresh (<c>--refresh-schema</c>).</param>
    /// <param name="cancellationToken">Ctrl-C.</param>
    public async Task<ModelInfo> LoadAsync(ClientSession session, string modelId, bool refresh, CancellationToken cancellationToken)
    {
        if (_cache.PathOf(modelId) is null)
        {
            throw new CliException(ExitCodes.BadInput, $"Unknown model '{modelId}': a model id is owner/model[/variant], with letters, digits, '-', '_' and '.'. See 'comfy-schema models'.");
        }

        string? schema = refresh ? null : _cache.TryGetFresh(modelId, session.BaseAddress);
        bool fetched = schema is null;
        schema ??= await _source.GetInputSchemaAsync(session, modelId, cancellationToken);

        ModelInfo model;
        try
        {
            model = ModelInfo.FromSchema(modelId, schema);
        }
        catch (ModelSchemaException e)
        {
            var problems = e.Problems.Where(p => p.IsError).Select(p => $"{p.Id}: {Rendering.Printable.Short(p.Message)}");
            throw new CliException(ExitCodes.Unavailable, $"The schema {session.BaseAddress} serves for '{modelId}' cannot be used:{Environment.NewLine}  - {string.Join(Environment.NewLine + "  - ", problems)}", e);
        }

        if (fetched)
        {
            try
            {
                _cache.Store(modelId, session.BaseAddress, schema);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                // Not caching costs a fetch next time, nothing more.
            }
        }

        return model;
    }
}
