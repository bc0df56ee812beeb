using RunComfy.SchemaClient.Media.Tests.Support;
using BenchmarkDotNet.Attributes;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// Reading the size of a JPEG held in memory: a normal 9 MB JPEG whose frame header follows 1 MB of metadata (the
/// baseline), against the crafted file of issue 9 (stuffed <c>FF 00</c> pairs with a restart marker every 65,000 bytes
/// and no frame header) at 9.9 MB and 30 MB, which the walk must refuse in about the same time whatever its size.
/// Run: <c>dotnet run -c Release --project bench/RunComfy.SchemaClient.Benchmarks -- --filter '*MediaCraftedJpegBenchmarks*'</c>
/// </summary>
[Config(typeof(MediaBenchConfig))]
public class MediaCraftedJpegBenchmarks
{
    private MediaInput _normal = null!;
    private MediaInput _crafted = null!;

    [Params(9_900_000, 30_000_000)]
    public int CraftedSize { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _normal = MediaInput.FromBytes(MediaBenchFiles.All[MediaBenchFiles.Jpeg].Content);
        _crafted = MediaInput.FromBytes(CraftedJpeg.StuffedZerosWithRestartMarkers(CraftedSize));
    }

    [Benchmark(Baseline = true, Description = "normal JPEG, 9 MB")]
    public async Task<int?> Normal() => (await _normal.ReadMetadataAsync()).Width;

    [Benchmark(Description = "crafted JPEG (refused)")]
    public async Task<string> Crafted()
    {
        try
        {
            await _crafted.ReadMetadataAsync();
        }
        catch (MediaFormatException refused)
        {
            return refused.Message;
        }

        throw new InvalidOperationException("The crafted JPEG was accepted.");
    }
}
