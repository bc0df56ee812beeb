using System.Net.Http;
using System.Runtime.CompilerServices;
using RunComfy.Client.Catalog;
using RunComfy.Client.Transport;
using RunComfy.Client.Wire;

namespace RunComfy;

public partial class RunComfyClient
{
    /// <summary>The most pages one listing reads: a server that never says "last page" cannot keep it going.</summary>
    private const int MaxCatalogPages = 10_000;

    /// <summary>
    /// Every model of RunComfy's catalog that matches the filters (<c>GET /v1/models</c>), page after page as
    /// the enumeration goes on; the first call is made when enumeration starts.
    /// </summary>
    /// <param name="options">Search text, category, kind, page size and whether to include input schemas; null for all models.</param>
    /// <param name="cancellationToken">Cancels the current page call and ends the enumeration.</param>
    /// <returns>The models in the server's order; a model a later page repeats is returned once.</returns>
    /// <exception cref="RunComfyException">An error answer, or still failing after the retries (as for status calls).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><see cref="ModelListOptions.PageSize"/> is out of range.</exception>
    public virtual async IAsyncEnumerable<CatalogModel> ListModelsAsync(ModelListOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        options ??= new ModelListOptions();
        options.Validate();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        int? offset = 0;
        for (var pages = 0; offset is { } current && pages < MaxCatalogPages; pages++)
        {
            var page = await GetModelsPageAsync(options, current, cancellationToken).ConfigureAwait(false);
            var added = 0;
            foreach (var model in page.Models)
            {
                if (seen.Add(model.ModelId))
                {
                    added++;
                    yield return model;
                }
            }

            // A page with nothing new means the server is repeating itself: stop rather than loop.
            offset = added == 0 ? null : page.NextOffset;
        }
    }

    /// <summary>One page of the catalog (<c>GET /v1/models?limit&amp;offset&amp;...</c>); <see cref="ListModelsAsync"/> reads them all.</summary>
    /// <param name="options">Filters and page size; null for all models, 50 a page.</param>
    /// <param name="offset">How many matching models to skip.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="RunComfyException">An error answer, or still failing after the retries.</exception>
    public virtual async Task<ModelPage> GetModelsPageAsync(ModelListOptions? options = null, int offset = 0, CancellationToken cancellationToken = default)
    {
        options ??= new ModelListOptions();
        options.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        var answer = await ReadCatalogAsync("list models", CatalogEndpoints.List(_endpoints.BaseAddress, options, offset), cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            throw _errors.FromAnswer(answer, "list models", requestId: null);
        }

        var (models, total, received) = CatalogParser.ReadPage(answer.Root!.Value);
        var end = offset + received;
        var more = received > 0 && (total is { } t ? end < t : received >= options.PageSize);
        return new ModelPage { Models = models, Total = total, Offset = offset, NextOffset = more ? end : null };
    }

    /// <summary>
    /// One model's facts and input schema (<c>GET /v1/models/{model_id}</c>): display name, categories, kind,
    /// price and unit, required inputs, and <see cref="CatalogModel.InputSchemaJson"/> as the server sent it.
    /// </summary>
    /// <param name="modelId">The model id, e.g. <c>kling/kling-3.0/pro/text-to-video</c>.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException"><paramref name="modelId"/> is not a model id (checked before anything is sent).</exception>
    /// <exception cref="RunComfyException">An error answer (400001 for an unknown model), an answer without an input schema, or still failing after the retries.</exception>
    public virtual async Task<CatalogModel> GetModelAsync(string modelId, CancellationToken cancellationToken = default)
    {
        RunComfyEndpoints.ValidateModelId(modelId);
        var answer = await ReadCatalogAsync("get model", CatalogEndpoints.Model(_endpoints.BaseAddress, modelId), cancellationToken).ConfigureAwait(false);
        if (!answer.IsSuccess)
        {
            throw _errors.FromAnswer(answer, "get model", requestId: null);
        }

        var root = answer.Root!.Value;
        var model = CatalogParser.ReadModel(root) ?? CatalogParser.ReadModel(WithId(root, modelId))!;
        if (model.InputSchemaJson is null)
        {
            throw new RunComfyException($"RunComfy get model failed: the answer for '{modelId}' has no input_schema object.", answer.Status);
        }

        // The id asked for is the id: a server that names another model does not get to change which file a schema lands in.
        return model with { ModelId = modelId };
    }

    /// <summary>A catalog read: a GET, retried like a status call.</summary>
    private async Task<WireAnswer> ReadCatalogAsync(string operation, Uri uri, CancellationToken cancellationToken)
    {
        try
        {
            return await SendAsync(isSubmit: false, operation, requestId: null, HttpMethod.Get, uri, body: null, new AttemptTracker(), span: null, modelId: null, cancellationToken).ConfigureAwait(false);
        }
        catch (TransportException e)
        {
            throw _errors.FromTransport(e, operation, requestId: null);
        }
    }

    /// <summary>The answer with a <c>model_id</c> added, for a server that leaves it out of a one-model answer.</summary>
    private static System.Text.Json.JsonElement WithId(System.Text.Json.JsonElement root, string modelId)
    {
        var node = System.Text.Json.Nodes.JsonObject.Create(root)!;
        node["model_id"] = modelId;
        using var document = System.Text.Json.JsonDocument.Parse(node.ToJsonString());
        return document.RootElement.Clone();
    }
}
