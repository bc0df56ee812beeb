using RunComfy.Models.Bytedance;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>The request the media benchmarks validate: the bundled edit-sequential model, whose images carry the seed schema's rules.</summary>
internal static class MediaBenchRequest
{
    public static Seedream40EditSequentialRequest For(IReadOnlyList<MediaInput> images) =>
        new() { Images = images, Text = "Generate 3 images of the product on a white background." };
}
