using Microsoft.Extensions.AI;

namespace RunComfy.AI;

/// <summary>
/// RunComfy behind Microsoft.Extensions.AI's <see cref="IImageGenerator"/>: one model, any image model RunComfy
/// serves. The prompt, the input images and the options are mapped onto the model's parameters through its
/// schema metadata (<see cref="ModelInfo.Parameters"/>); the request is then validated, submitted and waited for
/// like any other (<see cref="RunComfyClient.RunAsync"/>), so nothing is sent when it breaks its schema.
/// </summary>
/// <remarks>
/// Mapping: the prompt goes to <c>prompt</c> (or <c>text</c>); input images to the model's image array
/// (<c>images</c>, <c>image_urls</c>...) or, one each, to its single-image inputs in schema order;
/// <see cref="ImageGenerationOptions.Count"/> to <c>num_images</c>/<c>max_images</c>/<c>n</c>;
/// <see cref="ImageGenerationOptions.ImageSize"/> to <c>width</c>+<c>height</c>, or the closest value of
/// <c>image_size</c>/<c>size</c>/<c>resolution</c> and <c>aspect_ratio</c>; <see cref="ImageGenerationOptions.MediaType"/>
/// to <c>output_format</c>; <see cref="ImageGenerationOptions.AdditionalProperties"/> to the parameters of the same
/// JSON name. An option the model has no parameter for is an <see cref="ArgumentException"/> naming it, all at once.
/// </remarks>
public sealed class RunComfyImageGenerator : IImageGenerator
{
    private readonly RunComfyClient _client;
    private readonly ImageParameterMap _map;
    private readonly RunOptions? _runOptions;
    private readonly ImageGeneratorMetadata _metadata;

    /// <summary>Creates a generator for one model.</summary>
    /// <param name="client">The client that runs the requests; not disposed by this generator.</param>
    /// <param name="model">The model: a compiled one from <see cref="ModelCatalog"/>, or any other <see cref="ModelInfo"/>.</param>
    /// <param name="runOptions">Timeout, progress and cancel-on-abort for every run; null for the defaults.</param>
    public RunComfyImageGenerator(RunComfyClient client, ModelInfo model, RunOptions? runOptions = null)
    {
        ArgumentNullException.ThrowIfNull(client);
        ArgumentNullException.ThrowIfNull(model);
        _client = client;
        _map = ImageParameterMap.For(model);
        _runOptions = runOptions;
        _metadata = new ImageGeneratorMetadata("runcomfy", client.BaseAddress, model.ModelId);
    }

    /// <summary>The model this generator runs.</summary>
    public ModelInfo Model => _map.Model;

    /// <summary>
    /// Validates, submits and waits for one request, and returns its output images as <see cref="UriContent"/>
    /// (with the <see cref="RequestResult"/> as the raw representation).
    /// </summary>
    /// <exception cref="ArgumentException">An option or input has no matching parameter on the model; all are listed.</exception>
    /// <exception cref="RequestJsonException">A value does not fit its parameter's type; nothing was sent.</exception>
    /// <exception cref="RequestValidationException">The request breaks the model's schema; nothing was sent.</exception>
    /// <exception cref="RunComfyException">The run failed; see <see cref="RunComfyClient.RunAsync"/>.</exception>
    public async Task<ImageGenerationResponse> GenerateAsync(ImageGenerationRequest request, ImageGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (options?.ModelId is { } modelId && !string.Equals(modelId, _map.Model.ModelId, StringComparison.Ordinal))
        {
            throw new ArgumentException($"Options.ModelId '{modelId}' differs from this generator's model '{_map.Model.ModelId}'; create a generator per model.", nameof(options));
        }

        var body = ImageRequestBuilder.Build(_map, request, options);
        var typed = _map.Model.Parse(body);
        var result = await _client.RunAsync(typed, _runOptions, cancellationToken).ConfigureAwait(false);
        var urls = result.Output.Images.Count > 0 ? result.Output.Images
            : result.Output.Image is { } image ? [image]
            : result.Output.AllUrls;
        return new ImageGenerationResponse([.. urls.Select(url => (AIContent)new UriContent(url, MediaTypeOf(url, options?.MediaType)))])
        {
            RawRepresentation = result,
        };
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(ImageGeneratorMetadata) ? _metadata
            : serviceType == typeof(ModelInfo) ? _map.Model
            : serviceType.IsInstanceOfType(_client) ? _client
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <summary>Nothing to release: the client belongs to the caller.</summary>
    public void Dispose()
    {
    }

    private static string MediaTypeOf(Uri url, string? asked)
    {
        var extension = Path.GetExtension(url.AbsolutePath).ToLowerInvariant();
        return extension switch
        {
            ".png" => "image/png",
            ".jpg" or ".jpeg" => "image/jpeg",
            ".webp" => "image/webp",
            ".gif" => "image/gif",
            _ => asked ?? "image/*",
        };
    }
}
