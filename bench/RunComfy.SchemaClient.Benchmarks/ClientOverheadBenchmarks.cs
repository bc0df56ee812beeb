using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// The client's per-job overhead: one whole job (submit, status until completed, result) through
/// <see cref="RunComfyClient.RunAsync"/> against a hand-written <see cref="HttpClient"/> loop making the same
/// three calls with the same body, both against the in-process emulator with zero job time. The ratio is
/// what the client's validation, retry pipeline, parsing and bookkeeping cost on top of bare HTTP.
/// Run: <c>dotnet run -c Release --project bench/RunComfy.SchemaClient.Benchmarks -- --filter *ClientOverhead*</c>.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[SimpleJob(launchCount: 1, warmupCount: 5, iterationCount: 40)]
public class ClientOverheadBenchmarks
{
    private const string Token = "bench-token";
    private const string ModelPath = "v1/models/bytedance/seedream-4-0/edit";

    private EmulatorServer _emulator = null!;
    private RunComfyClient _client = null!;
    private HttpClient _http = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        var options = new EmulatorOptions
        {
            Token = Token,
            InitialQueuePosition = 0,
            RunDuration = TimeSpan.Zero,
            OutputImageWidth = 16,
            OutputImageHeight = 16,
        };
        _emulator = EmulatorServer.StartAsync(options).GetAwaiter().GetResult();
        _client = new RunComfyClient(Token, new RunComfyClientOptions
        {
            BaseAddress = _emulator.BaseAddress,
            PollInterval = TimeSpan.Zero,
            MaxPollInterval = TimeSpan.Zero,
            MediaValidation = new MediaValidationOptions { ProbeRemoteUrls = false },
        });
        _http = new HttpClient { BaseAddress = _emulator.BaseAddress };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        _body = Encoding.UTF8.GetBytes(ClientBenchmarkRequest.BodyJson);
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _http.Dispose();
        _emulator.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Baseline = true, Description = "hand-written HttpClient loop")]
    public async Task<string> HandWrittenLoop()
    {
        string requestId;
        using (var content = new ByteArrayContent(_body))
        {
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var submitted = await _http.PostAsync(ModelPath, content);
            submitted.EnsureSuccessStatusCode();
            using var answer = await JsonDocument.ParseAsync(await submitted.Content.ReadAsStreamAsync());
            requestId = answer.RootElement.GetProperty("request_id").GetString()!;
        }

        while (true)
        {
            using var status = await _http.GetAsync($"v1/requests/{requestId}/status");
            status.EnsureSuccessStatusCode();
            using var answer = await JsonDocument.ParseAsync(await status.Content.ReadAsStreamAsync());
            if (answer.RootElement.GetProperty("status").GetString() == "completed")
            {
                break;
            }
        }

        using var result = await _http.GetAsync($"v1/requests/{requestId}/result");
        result.EnsureSuccessStatusCode();
        using var output = await JsonDocument.ParseAsync(await result.Content.ReadAsStreamAsync());
        return output.RootElement.GetProperty("output").GetProperty("image").GetString()!;
    }

    [Benchmark(Description = "RunComfyClient.RunAsync")]
    public async Task<Uri> RunComfyClientRun()
    {
        var result = await _client.RunAsync(new ClientBenchmarkRequest());
        return result.Output.Image!;
    }
}
