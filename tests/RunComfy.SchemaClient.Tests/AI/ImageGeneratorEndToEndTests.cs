using System.Drawing;
using Microsoft.Extensions.AI;
using RunComfy.AI;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;

#pragma warning disable MEAI001 // IImageGenerator is experimental in Microsoft.Extensions.AI 10.x.

namespace RunComfy.SchemaClient.Tests.AI;

/// <summary>Code written against IImageGenerator runs a RunComfy model on the emulator unchanged.</summary>
public sealed class ImageGeneratorEndToEndTests
{
    private static readonly byte[] Png = RunComfy.SchemaClient.Tests.Emulator.TestImages.Png(64, 48);

    [Fact]
    public async Task An_edit_through_the_abstraction_completes_with_the_output_image()
    {
        await using var emulator = await ClientEmulator.StartAsync();
        using var client = ClientEmulator.Client(emulator);
        using IImageGenerator generator = client.AsIImageGenerator("bytedance/seedream-4-0/edit", ClientEmulator.Run());

        var response = await generator.EditImageAsync(new DataContent(Png, "image/png"), "make it blue", new ImageGenerationOptions { ImageSize = new Size(1024, 1024) });

        var image = response.Contents.ShouldHaveSingleItem().ShouldBeOfType<UriContent>();
        image.Uri.Authority.ShouldBe(emulator.BaseAddress.Authority);
        image.MediaType.ShouldBe("image/png");
        var result = response.RawRepresentation.ShouldBeOfType<RequestResult>();
        result.State.ShouldBe(RunComfyRequestState.Completed);
        emulator.TotalSubmissions.ShouldBe(1);
        generator.GetService<ImageGeneratorMetadata>().ShouldNotBeNull().DefaultModelId.ShouldBe("bytedance/seedream-4-0/edit");
    }

    [Fact]
    public async Task A_request_that_breaks_the_schema_is_refused_before_anything_is_sent()
    {
        await using var emulator = await ClientEmulator.StartAsync();
        using var client = ClientEmulator.Client(emulator);
        using IImageGenerator generator = client.AsIImageGenerator("bytedance/seedream-4-0/edit", ClientEmulator.Run());

        // The prompt is over its 600 code points; without an input image the required images are missing.
        var tooLong = await Should.ThrowAsync<RequestValidationException>(() => generator.EditImageAsync(new DataContent(Png, "image/png"), new string('p', 601)));
        var noImage = await Should.ThrowAsync<RequestJsonException>(() => generator.GenerateImagesAsync("a cat"));

        tooLong.Errors.ShouldHaveSingleItem().Path.ShouldBe("prompt");
        noImage.Errors.ShouldHaveSingleItem().Path.ShouldBe("images");
        emulator.TotalSubmissions.ShouldBe(0);
    }

    [Fact]
    public async Task An_unmappable_option_is_refused_before_anything_is_sent()
    {
        await using var emulator = await ClientEmulator.StartAsync();
        using var client = ClientEmulator.Client(emulator);
        using IImageGenerator generator = client.AsIImageGenerator("bytedance/seedream-4-0/edit");

        await Should.ThrowAsync<ArgumentException>(() => generator.EditImageAsync(new DataContent(Png, "image/png"), "x", new ImageGenerationOptions { Count = 3 }));

        emulator.TotalSubmissions.ShouldBe(0);
    }

    [Fact]
    public void An_unknown_model_id_names_the_known_ones()
    {
        using var client = new RunComfyClient("t0ken", new RunComfyClientOptions { BaseAddress = new Uri("http://127.0.0.1:9") });

        Should.Throw<KeyNotFoundException>(() => client.AsIImageGenerator("acme/nope")).Message.ShouldContain("bytedance/seedream-4-0/edit");
    }
}
