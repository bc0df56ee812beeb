namespace RunComfy.AI;

/// <summary>
/// Which of a model's parameters take the prompt, the input images, the count, the size and the output
/// format of a <see cref="Microsoft.Extensions.AI.IImageGenerator"/> call. Found from the schema metadata
/// once per model, by the parameter names RunComfy's image models use.
/// </summary>
internal sealed class ImageParameterMap
{
    // Names in order of preference; the first one the schema has wins.
    private static readonly string[] PromptNames = ["prompt", "text"];
    private static readonly string[] CountNames = ["num_images", "max_images", "number_of_images", "num_outputs", "image_count", "n", "sequential_image_generation_options"];
    private static readonly string[] SizeNames = ["image_size", "size", "resolution"];
    private static readonly string[] AspectRatioNames = ["aspect_ratio"];
    private static readonly string[] FormatNames = ["output_format", "format"];

    private ImageParameterMap(ModelInfo model)
    {
        Model = model;
        Prompt = Find(model, PromptNames, p => p.Type == "string");
        ImageParameters = [.. model.Parameters.Where(IsImage)];
        Count = Find(model, CountNames, p => p.Type == "integer");
        Width = Find(model, ["width"], p => p.Type == "integer");
        Height = Find(model, ["height"], p => p.Type == "integer");
        Size = Find(model, SizeNames, p => p.Type == "string" && p.EnumJson is { Count: > 0 });
        AspectRatio = Find(model, AspectRatioNames, p => p.Type == "string" && p.EnumJson is { Count: > 0 });
        OutputFormat = Find(model, FormatNames, p => p.Type == "string" && p.EnumJson is { Count: > 0 });
    }

    public ModelInfo Model { get; }

    public ModelParameter? Prompt { get; }

    /// <summary>The image inputs in schema order: an array takes every image, a single one takes one.</summary>
    public IReadOnlyList<ModelParameter> ImageParameters { get; }

    public ModelParameter? Count { get; }

    public ModelParameter? Width { get; }

    public ModelParameter? Height { get; }

    public ModelParameter? Size { get; }

    public ModelParameter? AspectRatio { get; }

    public ModelParameter? OutputFormat { get; }

    public static ImageParameterMap For(ModelInfo model) => new(model);

    /// <summary>True for an image input: format <c>image_uri</c>, or an array of <c>image_uri</c> items (<c>image_uris</c>).</summary>
    private static bool IsImage(ModelParameter p) =>
        p.IsMedia && (p.Format is "image_uri" or "image_uris" || p.ItemFormat == "image_uri");

    private static ModelParameter? Find(ModelInfo model, string[] names, Func<ModelParameter, bool> fits)
    {
        foreach (var name in names)
        {
            var match = model.Parameters.FirstOrDefault(p => p.Name == name && fits(p));
            if (match is not null)
            {
                return match;
            }
        }

        return null;
    }
}
