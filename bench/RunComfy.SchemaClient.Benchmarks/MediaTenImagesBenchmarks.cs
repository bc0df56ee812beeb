using BenchmarkDotNet.Attributes;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// Validating a request with ten remote 9 MB images (four JPEGs with 1 MB of metadata, three PNGs, three WebPs)
/// one at a time (baseline) and ten at once (the default), with and without a simulated 20 ms round trip.
/// Run: <c>dotnet run -c Release --project bench/RunComfy.SchemaClient.Benchmarks -- --filter '*MediaTenImagesBenchmarks*'</c>
/// </summary>
[Config(typeof(MediaBenchConfig))]
public class MediaTenImagesBenchmarks
{
    private static readonly string[] Files = [MediaBenchFiles.Jpeg, MediaBenchFiles.Png, MediaBenchFiles.WebP];

    private MediaBenchServer _server = null!;
    private HttpClient _http = null!;
    private MediaInput[] _images = [];

    [Params(0, 20)]
    public int RoundTripMs { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _server = MediaBenchServer.StartAsync(TimeSpan.FromMilliseconds(RoundTripMs)).GetAwaiter().GetResult();
        _http = MediaBenchHttp.Create();
        _images = [.. Enumerable.Range(0, 10).Select(i => MediaInput.FromUri(_server.Add($"image-{i}", MediaBenchFiles.All[Files[i % 3]].Content), allowLoopbackHttp: true))];
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "one at a time")]
    public Task<bool> Sequential() => ValidateAsync(1);

    [Benchmark(Description = "ten at once (default)")]
    public Task<bool> Concurrent() => ValidateAsync(10);

    private async Task<bool> ValidateAsync(int concurrency)
    {
        var options = new MediaValidationOptions { HttpClient = _http, MaxConcurrency = concurrency };
        var result = await MediaBenchRequest.For(_images).ValidateAsync(options);
        return result.IsValid && result.Warnings.Count == 0 ? true : throw new InvalidOperationException(string.Join("; ", result.Errors.Concat(result.Warnings)));
    }
}
