using System.Diagnostics;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;
using Xunit.Abstractions;

namespace RunComfy.SchemaClient.Tests.Batch;

/// <summary>
/// The CI-sized batch: 1,000 jobs through <see cref="RunComfyClient.RunBatchAsync(IEnumerable{IRunComfyRequest}, BatchOptions?, CancellationToken)"/>
/// against an emulator with 50 workers and about 10% of the answers of every endpoint faulted, ambiguous submit
/// faults included. Every job the server took is yielded with its result or reported as possibly existing; nothing is
/// submitted twice; the status cap holds in every second as the emulator counted.
/// </summary>
[Trait("Category", "Batch")]
public sealed class BatchAtScaleTests(ITestOutputHelper output)
{
    private const int Jobs = 1000;
    private const int Cap = 200;

    [Fact]
    public async Task A_thousand_jobs_with_faults_lose_nothing_submit_nothing_twice_and_keep_the_status_cap()
    {
        await using var emulator = await BatchEmulator.StartAsync(workers: 50, run: TimeSpan.FromMilliseconds(50), ConfigureFaults);
        using var sent = new StatusSendLog();
        using var client = sent.Client(emulator);
        var requests = Enumerable.Range(0, Jobs).Select(i => BatchEmulator.Request("scale", i)).ToList();
        var options = BatchEmulator.FastOptions(o =>
        {
            o.MaxJobsInFlight = 200;
            o.MaxStatusCallsPerSecond = Cap;
            o.MaxSubmitsPerSecond = 1000;
            o.MaxPollInterval = TimeSpan.FromMilliseconds(500);
            o.MaxConsecutivePollFailures = 20;
        });

        var stopwatch = Stopwatch.StartNew();
        // Only a safety net: 7-10 s here under a load of 20-30 on 2 cores; a slower machine must not fail it (nothing checks speed).
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        var results = await BatchEmulator.CollectAsync(client.RunBatchAsync(requests, options, timeout.Token));
        stopwatch.Stop();

        var byIndex = results.ToDictionary(r => r.Index);
        var accepted = requests.Select(r => emulator.GetSubmissionCount(BatchEmulator.Body(r))).ToArray();
        // Lost: taken by the server, yet neither its result nor "it may exist" (with or without an id) reached the caller.
        var lost = Enumerable.Range(0, Jobs).Count(i => accepted[i] > 0
            && !(byIndex.TryGetValue(i, out var r) && r.Outcome is BatchItemOutcome.Completed or BatchItemOutcome.JobFailed or BatchItemOutcome.SubmitOutcomeUnknown or BatchItemOutcome.WaitFailed));
        var stats = emulator.Stats;
        var figures = string.Join(Environment.NewLine,
            $"outcomes                 {string.Join(", ", results.GroupBy(r => r.Outcome).Select(g => $"{g.Key} {g.Count()}"))}",
            $"wall                     {stopwatch.Elapsed.TotalSeconds:0.0} s ({Jobs / stopwatch.Elapsed.TotalSeconds:0} jobs/s)",
            $"status calls per job     {(double)stats.StatusCalls / Jobs:0.00} (peak sent {sent.Peak}/s, peak arrived {stats.StatusCallsPerSecond.Peak}/s, cap {Cap}/s)",
            $"faults injected          {stats.FaultsInjected}",
            $"accepted / duplicates    {emulator.TotalSubmissions} / {emulator.DuplicateSubmissions}",
            $"lost                     {lost}",
            $"other errors             {string.Join("; ", results.Where(r => r.Outcome is BatchItemOutcome.Rejected or BatchItemOutcome.WaitFailed).Select(r => r.Error!.Message).Take(3))}");
        output.WriteLine(figures);

        results.Count.ShouldBe(Jobs, figures);
        byIndex.Count.ShouldBe(Jobs, "each index yielded once");
        lost.ShouldBe(0, figures);
        emulator.DuplicateSubmissions.ShouldBe(0, figures);
        accepted.ShouldAllBe(count => count <= 1);
        // What the client sent: arrivals at the emulator were seen at 217/s under load (calls sent over more than a second landing in one).
        sent.Peak.ShouldBeLessThanOrEqualTo(Cap, figures);
        results.Count(r => r.Succeeded).ShouldBeGreaterThan(Jobs * 9 / 10, figures);
        results.Where(r => r.Outcome == BatchItemOutcome.Completed).ShouldAllBe(r => accepted[(int)r.Index] == 1 && r.Result!.Output.Image != null);
        results.Count(r => r.Outcome == BatchItemOutcome.SubmitOutcomeUnknown).ShouldBeGreaterThan(0, "the ambiguous submit faults were exercised");
        stats.FaultsInjected.ShouldBeGreaterThan(Jobs / 10);
    }

    /// <summary>The soak's mix: 429s (a pause for the whole batch), 5xx, drops, truncated JSON; ambiguous submit answers after acceptance.</summary>
    private static void ConfigureFaults(EmulatorOptions options)
    {
        var faults = options.Faults;
        faults.Seed = 20261201;
        faults.RetryAfterSeconds = 0;
        faults.SlowAnswerDelay = TimeSpan.FromMilliseconds(20);
        faults.MalformedJsonCutFraction = null;
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.TooManyRequests, 0.03);
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.SlowAnswer, 0.02);
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.InternalServerError, 0.01, FaultTiming.AfterAccept);
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.DropConnection, 0.01, FaultTiming.AfterAccept);
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.MalformedJson, 0.01, FaultTiming.AfterAccept);
        foreach (var endpoint in new[] { EmulatorEndpoint.Status, EmulatorEndpoint.Result, EmulatorEndpoint.Cancel })
        {
            faults.SetRate(endpoint, FaultKind.TooManyRequests, 0.02);
            faults.SetRate(endpoint, FaultKind.InternalServerError, 0.02);
            faults.SetRate(endpoint, FaultKind.ServiceUnavailable, 0.01);
            faults.SetRate(endpoint, FaultKind.SlowAnswer, 0.01);
            faults.SetRate(endpoint, FaultKind.DropConnection, 0.02);
            faults.SetRate(endpoint, FaultKind.MalformedJson, 0.01);
            faults.SetRate(endpoint, FaultKind.ErrorCodeWithOkStatus, 0.01);
        }
    }
}
