using System.Collections.Concurrent;

namespace RunComfy;

/// <summary>
/// Every generated model loaded in this process, by model id. Generated code registers its models
/// when its assembly initialises, so the bundled models and a consumer's own are all here.
/// </summary>
public static class ModelCatalog
{
    // A model's metadata is built when it is first looked up, not when its assembly loads: startup does not grow
    // with the number of models an assembly compiles in.
    private static readonly ConcurrentDictionary<string, Lazy<ModelInfo>> Models = new(StringComparer.Ordinal);

    /// <summary>Adds a model, replacing one with the same id (a consumer's schema replaces a bundled one).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void Register(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Models[model.ModelId] = new Lazy<ModelInfo>(model);
    }

    /// <summary>
    /// Adds the models of one generated assembly: <paramref name="create"/> builds the metadata of the model at an
    /// index of <paramref name="modelIds"/> on its first lookup. One delegate for the whole assembly keeps loading
    /// it flat in the number of models. Replaces models with the same ids.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void Register(IReadOnlyList<string> modelIds, Func<int, ModelInfo> create)
    {
        ArgumentNullException.ThrowIfNull(modelIds);
        ArgumentNullException.ThrowIfNull(create);
        for (var i = 0; i < modelIds.Count; i++)
        {
            var index = i;
            Models[modelIds[i]] = new Lazy<ModelInfo>(() => create(index), LazyThreadSafetyMode.ExecutionAndPublication);
        }
    }

    /// <summary>Every registered model, ordered by id (builds the metadata of each).</summary>
    public static IReadOnlyList<ModelInfo> All => [.. Models.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => m.Value.Value)];

    /// <summary>Looks a model up by id.</summary>
    public static bool TryGet(string modelId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelInfo? model)
    {
        if (Models.TryGetValue(modelId, out Lazy<ModelInfo>? entry))
        {
            model = entry.Value;
            return true;
        }

        model = null;
        return false;
    }

    /// <summary>Gets a model by id.</summary>
    /// <exception cref="KeyNotFoundException">No model with that id is loaded.</exception>
    public static ModelInfo Get(string modelId) =>
        TryGet(modelId, out var model)
            ? model
            : throw new KeyNotFoundException($"No model '{modelId}' is known. Known models: {string.Join(", ", Models.Keys.Order(StringComparer.Ordinal))}.");
}
