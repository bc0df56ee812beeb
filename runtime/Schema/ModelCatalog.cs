using System.Collections.Concurrent;

namespace RunComfy;

/// <summary>
/// Every generated model loaded in this process, by model id. Generated code registers its models
/// when its assembly initialises, so the bundled models and a consumer's own are all here.
/// </summary>
public static class ModelCatalog
{
    private static readonly ConcurrentDictionary<string, ModelInfo> Models = new(StringComparer.Ordinal);

    /// <summary>Adds a model, replacing one with the same id (a consumer's schema replaces a bundled one).</summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public static void Register(ModelInfo model)
    {
        ArgumentNullException.ThrowIfNull(model);
        Models[model.ModelId] = model;
    }

    /// <summary>Every registered model, ordered by id.</summary>
    public static IReadOnlyList<ModelInfo> All => [.. Models.Values.OrderBy(m => m.ModelId, StringComparer.Ordinal)];

    /// <summary>Looks a model up by id.</summary>
    public static bool TryGet(string modelId, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ModelInfo? model) =>
        Models.TryGetValue(modelId, out model);

    /// <summary>Gets a model by id.</summary>
    /// <exception cref="KeyNotFoundException">No model with that id is loaded.</exception>
    public static ModelInfo Get(string modelId) =>
        TryGet(modelId, out var model)
            ? model
            : throw new KeyNotFoundException($"No model '{modelId}' is known. Known models: {string.Join(", ", Models.Keys.Order(StringComparer.Ordinal))}.");
}
