namespace RunComfy.SchemaClient.Generator.Tests.Infrastructure;

/// <summary>One schema handed to the generator: its file path, its text, and the metadata MSBuild would give it.</summary>
/// <param name="Path">The file path (also where diagnostics point).</param>
/// <param name="Text">The JSON text.</param>
/// <param name="ModelId">The <c>RunComfyModelId</c> metadata; null leaves it out.</param>
/// <param name="IsSchema">The <c>RunComfySchema</c> metadata.</param>
public sealed record SchemaInput(string Path, string Text, string? ModelId, bool IsSchema = true)
{
    /// <summary>A schema whose path is made from its model id.</summary>
    public static SchemaInput ForModel(string modelId, string text) => new($"/schemas/{modelId}.json", text, modelId);
}
