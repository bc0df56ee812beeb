using RunComfy.SchemaClient.Generator.Parsing;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>The naming rule of generated code, with the issue's own examples.</summary>
public sealed class NamingTests
{
    [Theory]
    [InlineData("seedream-4-0", "Seedream40")]
    [InlineData("image_size", "ImageSize")]
    [InlineData("2048x2048 (1:1)", "2048x2048_1_1")]
    [InlineData("2560:1440 (16:9)", "2560_1440_16_9")]
    [InlineData("edit-sequential", "EditSequential")]
    [InlineData("kling-3.0", "Kling30")]
    [InlineData("fast", "Fast")]
    [InlineData("", "")]
    public void PascalCase_follows_the_documented_rule(string text, string expected) =>
        Naming.PascalCase(text).ShouldBe(expected);

    [Theory]
    [InlineData("2K", "_2K")]
    [InlineData("2048x2048 (1:1)", "_2048x2048_1_1")]
    [InlineData("2560:1440 (16:9)", "_2560_1440_16_9")]
    [InlineData("fast", "Fast")]
    [InlineData("4", "_4")]
    public void Identifiers_that_start_with_a_digit_get_an_underscore(string text, string expected) =>
        Naming.Identifier(text).ShouldBe(expected);

    [Theory]
    [InlineData("bytedance/seedream-4-0/edit", "RunComfy.Models.Bytedance", "Seedream40Edit")]
    [InlineData("bytedance/seedream-4-0/edit-sequential", "RunComfy.Models.Bytedance", "Seedream40EditSequential")]
    [InlineData("kling/kling-video-o3/4K/image-to-video", "RunComfy.Models.Kling", "KlingVideoO3_4KImageToVideo")]
    [InlineData("wan-ai/wan-2.7/pro/edit", "RunComfy.Models.WanAi", "Wan27ProEdit")]
    public void Model_ids_map_to_namespace_and_type(string modelId, string ns, string rest)
    {
        ModelIdParser.TryParse(modelId, out string actualNamespace, out string actualRest, out _).ShouldBeTrue();
        actualNamespace.ShouldBe(ns);
        actualRest.ShouldBe(rest);
    }

    [Theory]
    [InlineData("\\bytedance\\seedream-4-0\\edit\\", "bytedance/seedream-4-0/edit")]
    [InlineData("/owner/model/", "owner/model")]
    public void Model_ids_are_normalised(string raw, string expected) =>
        ModelIdParser.Normalize(raw).ShouldBe(expected);
}
