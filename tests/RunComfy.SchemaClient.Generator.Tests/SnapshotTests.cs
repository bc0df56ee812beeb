using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>
/// The full generated source of chosen schemas, compared with approved files in <c>Snapshots/</c>.
/// A change shows up as a <c>.received.cs</c> file beside the approved one; read it, then copy it over.
/// </summary>
public sealed class SnapshotTests
{
    [Theory]
    [InlineData("bytedance/seedream-4-0/edit", "RunComfy.Models.Bytedance.Seedream40EditRequest")]
    [InlineData("bytedance/seedream-4-0/edit-sequential", "RunComfy.Models.Bytedance.Seedream40EditSequentialRequest")]
    [InlineData("bytedance/seed-audio-1.0/text-to-audio", "RunComfy.Models.Bytedance.SeedAudio10TextToAudioRequest")]
    [InlineData("blackforestlabs/flux-3/image-to-video", "RunComfy.Models.Blackforestlabs.Flux3ImageToVideoRequest")]
    [InlineData("blackforestlabs/flux-2/flash/text-to-image", "RunComfy.Models.Blackforestlabs.Flux2FlashTextToImageRequest")]
    [InlineData("bytedance/seedance-2.5/reference-to-video/480p", "RunComfy.Models.Bytedance.Seedance25ReferenceToVideo480pRequest")]
    [InlineData("runwayml/runway-aleph-2/video-to-video", "RunComfy.Models.Runwayml.RunwayAleph2VideoToVideoRequest")]
    public void Generated_source_matches_the_approved_snapshot(string modelId, string typeName)
    {
        GenerationResult result = GeneratorHarness.Run(Fixtures.Get(modelId));

        result.Source(typeName).ShouldMatchApproved(c => c
            .SubFolder("Snapshots")
            .WithDiscriminator(typeName.Replace("RunComfy.Models.", string.Empty, StringComparison.Ordinal))
            .WithFileExtension("cs")
            .NoDiff());
    }

    [Fact]
    public void Every_supported_keyword_generates_as_approved()
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "edge", "keywords.json");
        GenerationResult result = GeneratorHarness.Run(new SchemaInput(path, File.ReadAllText(path), "acme/edge-cases"));

        result.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(["RCS0006", "RCS0005"]);
        result.CompilationDiagnostics.Select(d => d.ToString()).ShouldBeEmpty();
        result.Source("RunComfy.Models.Acme.EdgeCasesRequest").ShouldMatchApproved(c => c
            .SubFolder("Snapshots")
            .WithFileExtension("cs")
            .NoDiff());
    }

    [Fact]
    public void Generated_catalog_matches_the_approved_snapshot()
    {
        GenerationResult result = GeneratorHarness.Run(Fixtures.Seeds);

        result.Sources["RunComfy.Generated.GeneratedModelCatalog.g.cs"].ShouldMatchApproved(c => c
            .SubFolder("Snapshots")
            .WithFileExtension("cs")
            .NoDiff());
    }
}
