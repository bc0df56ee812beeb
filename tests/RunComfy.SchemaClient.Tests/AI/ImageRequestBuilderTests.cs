using System.Drawing;
using System.Text.Json;
using Microsoft.Extensions.AI;
using RunComfy.AI;

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI 10.x.

namespace RunComfy.SchemaClient.Tests.AI;

/// <summary>How an IImageGenerator call maps onto a model's parameters through its schema metadata.</summary>
public sealed class ImageRequestBuilderTests
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private const string Sequential = "bytedance/seedream-4-0/edit-sequential";
    private static readonly string PngUri = "data:image/png;base64," + Convert.ToBase64String(RunComfy.SchemaClient.Tests.Emulator.TestImages.Png(32, 32));

    [Fact]
    public void Prompt_and_images_go_to_the_models_own_parameters()
    {
        var body = Build(Edit, new ImageGenerationRequest("a cat", [new DataContent(PngUri), new UriContent("https://example.com/b.png", "image/png")]));

        body.GetProperty("prompt").GetString().ShouldBe("a cat");
        body.GetProperty("images").EnumerateArray().Select(e => e.GetString()).ShouldBe([PngUri, "https://example.com/b.png"]);
    }

    [Fact]
    public void A_model_whose_prompt_is_called_text_gets_it_there()
    {
        var body = Build(Sequential, new ImageGenerationRequest("three views", [new DataContent(PngUri)]), new ImageGenerationOptions { Count = 4 });

        body.GetProperty("text").GetString().ShouldBe("three views");
        body.GetProperty("sequential_image_generation_options").GetInt32().ShouldBe(4);
        body.TryGetProperty("prompt", out _).ShouldBeFalse();
    }

    [Theory]
    [InlineData(2048, 2048, "2048x2048 (1:1)")]
    [InlineData(1920, 1080, "2560x1440 (16:9)")]
    [InlineData(1700, 2500, "1664x2496 (2:3)")]
    [InlineData(1000, 3000, "1440x2560 (9:16)")]
    public void ImageSize_picks_the_closest_pixel_size(int width, int height, string expected)
    {
        var body = Build(Edit, new ImageGenerationRequest("x", [new DataContent(PngUri)]), new ImageGenerationOptions { ImageSize = new Size(width, height) });

        body.GetProperty("resolution").GetString().ShouldBe(expected);
    }

    [Fact]
    public void Pixel_sizes_written_with_a_colon_are_sizes_not_ratios()
    {
        var body = Build(Sequential, new ImageGenerationRequest("x", [new DataContent(PngUri)]), new ImageGenerationOptions { ImageSize = new Size(1440, 2560) });

        body.GetProperty("image_size").GetString().ShouldBe("1440:2560 (9:16)");
    }

    [Fact]
    public void Additional_properties_set_parameters_by_json_name()
    {
        var options = new ImageGenerationOptions { AdditionalProperties = new() { ["seed"] = 42, ["optimize_prompt_options"] = "standard" } };

        var body = Build(Sequential, new ImageGenerationRequest("x", [new DataContent(PngUri)]), options);

        body.GetProperty("seed").GetInt32().ShouldBe(42);
        body.GetProperty("optimize_prompt_options").GetString().ShouldBe("standard");
    }

    [Fact]
    public void Every_option_without_a_parameter_is_reported_at_once()
    {
        var options = new ImageGenerationOptions
        {
            Count = 2,
            MediaType = "image/webp",
            ResponseFormat = ImageGenerationResponseFormat.Data,
            AdditionalProperties = new() { ["nope"] = 1, ["prompt"] = "again" },
        };

        var error = Should.Throw<ArgumentException>(() => Build(Edit, new ImageGenerationRequest("x", [new DataContent(PngUri)]), options));

        error.Message.ShouldContain("'bytedance/seedream-4-0/edit'");
        error.Message.ShouldContain("Count = 2, but the model has no image-count parameter");
        error.Message.ShouldContain("MediaType 'image/webp' was asked for, but it has no output_format parameter");
        error.Message.ShouldContain("ResponseFormat.Data is not supported");
        error.Message.ShouldContain("AdditionalProperties['nope'] is not a parameter of the model");
        error.Message.ShouldContain("AdditionalProperties['prompt'] sets a parameter the request or options already set");
    }

    [Fact]
    public void Images_for_a_model_without_an_image_input_are_refused()
    {
        var model = new ModelInfo("acme/text-only", typeof(object), [new ModelParameter { Name = "prompt", PropertyName = "Prompt", Type = "string" }], "{}", _ => throw new InvalidOperationException());

        var error = Should.Throw<ArgumentException>(() => ImageRequestBuilder.Build(ImageParameterMap.For(model), new ImageGenerationRequest("x", [new DataContent(PngUri)]), null));

        error.Message.ShouldContain("1 input image(s) were given, but the model takes no image input.");
    }

    [Fact]
    public void Count_of_one_needs_no_parameter()
    {
        var body = Build(Edit, new ImageGenerationRequest("x", [new DataContent(PngUri)]), new ImageGenerationOptions { Count = 1 });

        body.EnumerateObject().Select(p => p.Name).ShouldBe(["prompt", "images"]);
    }

    private static JsonElement Build(string modelId, ImageGenerationRequest request, ImageGenerationOptions? options = null) =>
        JsonDocument.Parse(ImageRequestBuilder.Build(ImageParameterMap.For(ModelCatalog.Get(modelId)), request, options)).RootElement;
}
