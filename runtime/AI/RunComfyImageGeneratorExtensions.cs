using Microsoft.Extensions.AI;

namespace RunComfy.AI;

/// <summary>Exposes a <see cref="RunComfyClient"/> as Microsoft.Extensions.AI's <see cref="IImageGenerator"/>.</summary>
public static class RunComfyImageGeneratorExtensions
{
    /// <summary>An <see cref="IImageGenerator"/> that runs one RunComfy model through this client.</summary>
    /// <param name="client">The client; it stays the caller's to dispose.</param>
    /// <param name="modelId">A model compiled into this process (<see cref="ModelCatalog"/>), e.g. <c>bytedance/seedream-4-0/edit</c>.</param>
    /// <param name="runOptions">Timeout, progress and cancel-on-abort for every run; null for the defaults.</param>
    /// <exception cref="KeyNotFoundException">No model with that id is compiled in.</exception>
    public static IImageGenerator AsIImageGenerator(this RunComfyClient client, string modelId, RunOptions? runOptions = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        return new RunComfyImageGenerator(client, ModelCatalog.Get(modelId), runOptions);
    }

    /// <summary>An <see cref="IImageGenerator"/> that runs the given model through this client.</summary>
    /// <param name="client">The client; it stays the caller's to dispose.</param>
    /// <param name="model">The model's metadata.</param>
    /// <param name="runOptions">Timeout, progress and cancel-on-abort for every run; null for the defaults.</param>
    public static IImageGenerator AsIImageGenerator(this RunComfyClient client, ModelInfo model, RunOptions? runOptions = null) =>
        new RunComfyImageGenerator(client, model, runOptions);
}
