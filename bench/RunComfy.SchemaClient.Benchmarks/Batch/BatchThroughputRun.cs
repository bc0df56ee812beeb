using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Benchmarks.Batch;

/// <summary>
/// The batch throughput run (not a BenchmarkDotNet suite: one long run, baseline and batch in the same process, one
/// after the other, each against a fresh emulator with limited workers). Baseline: every job through
/// <see cref="RunComfyClient.RunAsync"/> behind a <see cref="SemaphoreSlim"/>; batch: <see cref="RunComfyClient.RunBatchAsync(IEnumerable{IRunComfyRequest}, BatchOptions?, CancellationToken)"/>
/// with the same jobs in flight and a status cap. Prints one table row per run.
/// Run: <c>dotnet run -c Release --project bench/RunComfy.SchemaClient.Benchmarks -- batch-throughput [--jobs N] [--in-flight N] [--cap N] [--workers N] [--run-ms N]</c>.
/// </summary>
public static class BatchThroughputRun
{
    public const string Command = "batch-throughput";

    public static async Task<int> RunAsync(string[] args)
    {
        var settings = Settings.Parse(args);
        Console.WriteLine($"# {settings.Jobs} jobs, {settings.InFlight} in flight, emulator: {settings.Workers} workers, {settings.RunMilliseconds} ms per job; batch cap {settings.Cap} status calls/s");
        Console.WriteLine("| run | wall (s) | jobs/s | status calls/job | peak status calls in 1 s | client peak managed heap (MB) | completed | lost | duplicate submits |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
        var baseline = await MeasureAsync("baseline: RunAsync x N behind SemaphoreSlim", settings, RunBaselineAsync);
        Console.WriteLine(baseline.Row());
        var batch = await MeasureAsync("RunBatchAsync", settings, RunBatchAsync);
        Console.WriteLine(batch.Row());
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"batch / baseline: status calls {batch.StatusCalls / (double)baseline.StatusCalls:0.00}x, wall {batch.Wall.TotalSeconds / baseline.Wall.TotalSeconds:0.00}x; cap {(batch.PeakStatusPerSecond <= settings.Cap ? "held" : "EXCEEDED")}"));
        return 0;
    }

    private static async Task<Figures> MeasureAsync(string name, Settings settings, Func<RunComfyClient, IReadOnlyList<BatchBenchRequest>, Settings, Task<IReadOnlyDictionary<int, bool>>> run)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var options = new EmulatorOptions { Workers = settings.Workers, RunDuration = TimeSpan.FromMilliseconds(settings.RunMilliseconds) };
        await using var emulator = await EmulatorServer.StartAsync(options);
        var clientOptions = new RunComfyClientOptions
        {
            BaseAddress = emulator.BaseAddress,
            MediaValidation = new MediaValidationOptions { ProbeRemoteUrls = false },
        };
        using var client = new RunComfyClient(options.Token, clientOptions);
        var requests = Enumerable.Range(0, settings.Jobs).Select(i => new BatchBenchRequest(i)).ToList();

        using var sampling = new CancellationTokenSource();
        long peakHeap = 0;
        var sampler = Task.Run(async () =>
        {
            while (!sampling.IsCancellationRequested)
            {
                peakHeap = Math.Max(peakHeap, GC.GetTotalMemory(forceFullCollection: false));
                try
                {
                    await Task.Delay(50, sampling.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        });

        var stopwatch = Stopwatch.StartNew();
        var outcomes = await run(client, requests, settings);
        stopwatch.Stop();
        await sampling.CancelAsync();
        await sampler;

        var accepted = requests.Select(r => emulator.GetSubmissionCount(r.Body())).ToArray();
        // Lost: the server took it, but the caller got neither a result nor word that it may exist.
        var lost = Enumerable.Range(0, settings.Jobs).Count(i => accepted[i] > 0 && !outcomes.ContainsKey(i));
        return new Figures(
            name,
            stopwatch.Elapsed,
            settings.Jobs,
            emulator.Stats.StatusCalls,
            emulator.Stats.StatusCallsPerSecond.Peak,
            peakHeap,
            outcomes.Count(o => o.Value),
            lost,
            emulator.DuplicateSubmissions);
    }

    private static async Task<IReadOnlyDictionary<int, bool>> RunBaselineAsync(RunComfyClient client, IReadOnlyList<BatchBenchRequest> requests, Settings settings)
    {
        var outcomes = new ConcurrentDictionary<int, bool>();
        using var gate = new SemaphoreSlim(settings.InFlight);
        var tasks = requests.Select(async (request, i) =>
        {
            await gate.WaitAsync();
            try
            {
                var result = await client.RunAsync(request, new RunOptions { Timeout = TimeSpan.FromMinutes(30) });
                outcomes[i] = result.State == RunComfyRequestState.Completed;
            }
            catch (SubmitOutcomeUnknownException)
            {
                outcomes[i] = false;
            }
            catch (RunComfyException e) when (e.RequestId is not null)
            {
                outcomes[i] = false;
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        await Task.WhenAll(tasks);
        return outcomes;
    }

    private static async Task<IReadOnlyDictionary<int, bool>> RunBatchAsync(RunComfyClient client, IReadOnlyList<BatchBenchRequest> requests, Settings settings)
    {
        var outcomes = new Dictionary<int, bool>();
        var options = new BatchOptions
        {
            MaxJobsInFlight = settings.InFlight,
            MaxStatusCallsPerSecond = settings.Cap,
            MaxSubmitsPerSecond = 1000,
        };
        await foreach (var item in client.RunBatchAsync(requests, options))
        {
            // Every outcome reports the job (result, or id, or "may exist"); none is silently dropped.
            outcomes[(int)item.Index] = item.Succeeded;
        }

        return outcomes;
    }

    private sealed record Figures(string Name, TimeSpan Wall, int Jobs, long StatusCalls, int PeakStatusPerSecond, long PeakHeapBytes, int Completed, int Lost, int Duplicates)
    {
        public string Row() => string.Create(CultureInfo.InvariantCulture,
            $"| {Name} | {Wall.TotalSeconds:0.0} | {Jobs / Wall.TotalSeconds:0.0} | {(double)StatusCalls / Jobs:0.00} | {PeakStatusPerSecond} | {PeakHeapBytes / 1048576.0:0} | {Completed} | {Lost} | {Duplicates} |");
    }

    private sealed record Settings(int Jobs, int InFlight, int Cap, int Workers, int RunMilliseconds)
    {
        public static Settings Parse(string[] args)
        {
            var settings = new Settings(Jobs: 10_000, InFlight: 500, Cap: 100, Workers: 60, RunMilliseconds: 1000);
            for (var i = 1; i + 1 < args.Length; i += 2)
            {
                var value = int.Parse(args[i + 1], NumberStyles.Integer, CultureInfo.InvariantCulture);
                settings = args[i] switch
                {
                    "--jobs" => settings with { Jobs = value },
                    "--in-flight" => settings with { InFlight = value },
                    "--cap" => settings with { Cap = value },
                    "--workers" => settings with { Workers = value },
                    "--run-ms" => settings with { RunMilliseconds = value },
                    _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
                };
            }

            return settings;
        }
    }
}
