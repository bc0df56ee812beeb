using BenchmarkDotNet.Attributes;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// Validating a request with one remote 9 MB image against a loopback server: a JPEG whose frame header sits
/// after 1 MB of metadata, a PNG and a WebP. The baseline downloads the whole file; the byte columns show what
/// the probe transferred against the file size and the floor.
/// Run: <c>dotnet run -c Release --project bench/RunComfy.SchemaClient.Benchmarks -- --filter '*MediaProbeBenchmarks*'</c>
/// </summary>
[Config(typeof(MediaProbeBenchConfig))]
public class MediaProbeBenchmarks
{
    private MediaBenchServer _server = null!;
    private HttpClient _http = null!;
    private Uri _url = null!;
    private MediaValidationOptions _options = null!;

    [Params(MediaBenchFiles.Jpeg, MediaBenchFiles.Png, MediaBenchFiles.WebP)]
    public string File { get; set; } = MediaBenchFiles.Jpeg;

    [GlobalSetup]
    public void Setup()
    {
        _server = MediaBenchServer.StartAsync(TimeSpan.Zero).GetAwaiter().GetResult();
        _url = _server.Add(File, MediaBenchFiles.All[File].Content);
        _http = MediaBenchHttp.Create();
        _options = new MediaValidationOptions { HttpClient = _http };
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _http.Dispose();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "GET whole file")]
    public async Task<long> DownloadWhole()
    {
        using var response = await _http.GetAsync(_url, HttpCompletionOption.ResponseHeadersRead);
        await using var body = await response.Content.ReadAsStreamAsync();
        var buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }

    [Benchmark(Description = "ValidateAsync (probe)")]
    public async Task<bool> Validate()
    {
        var result = await MediaBenchRequest.For([MediaInput.FromUri(_url, allowLoopbackHttp: true)]).ValidateAsync(_options);
        return result.IsValid && result.Warnings.Count == 0 ? true : throw new InvalidOperationException(string.Join("; ", result.Errors.Concat(result.Warnings)));
    }
}
