namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>
    /// One schema file as the pipeline first sees it: its path, its model id (from the item metadata
    /// <c>RunComfyModelId</c>, or the file name) and its text (null when it cannot be read).
    /// </summary>
    internal sealed record SchemaFile(string Path, string ModelId, string? Text);
}
