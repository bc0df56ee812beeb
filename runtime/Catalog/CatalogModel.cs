namespace RunComfy;

/// <summary>
/// One model of RunComfy's catalog, as <c>GET /v1/models</c> and <c>GET /v1/models/{model_id}</c> describe it.
/// Every text here came from the server: sanitise it before printing it to a terminal.
/// </summary>
public sealed record CatalogModel
{
    /// <summary>The model id, e.g. <c>bytedance/seedream-4-0/edit</c>.</summary>
    public required string ModelId { get; init; }

    /// <summary>The name people read; the model id when the server gave none.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The catalog's categories (e.g. <c>text-to-image</c>); empty when none were given.</summary>
    public IReadOnlyList<string> Categories { get; init; } = [];

    /// <summary>What the model produces as the catalog says it (<c>image</c>, <c>video</c>, <c>audio</c>...); null when not given.</summary>
    public string? Kind { get; init; }

    /// <summary>The base price in USD; null when not given.</summary>
    public decimal? BasePriceUsd { get; init; }

    /// <summary>What <see cref="BasePriceUsd"/> is paid for (e.g. <c>per_image</c>); null when not given.</summary>
    public string? PriceUnit { get; init; }

    /// <summary>The inputs a request must have, in the server's order.</summary>
    public IReadOnlyList<string> RequiredInputs { get; init; } = [];

    /// <summary>The model's page on RunComfy; null when not given or not an absolute URL.</summary>
    public Uri? ModelUrl { get; init; }

    /// <summary>
    /// The input schema as JSON text, exactly as the server sent it (ready for the generator's <c>schemas/</c> folder);
    /// always set by <see cref="RunComfyClient.GetModelAsync"/>, and in lists only with <see cref="ModelListOptions.IncludeSchema"/>.
    /// </summary>
    public string? InputSchemaJson { get; init; }
}
