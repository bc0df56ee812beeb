using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;
using Xunit.Abstractions;

namespace RunComfy.SchemaClient.Tests.Soak;

/// <summary>
/// 1,000 jobs through <see cref="RunComfyClient.RunAsync"/>, 64 at a time, against the emulator with 10% of
/// the answers of every endpoint faulted. Nothing may be lost and nothing submitted twice.
/// Run it alone with: <c>dotnet test tests/RunComfy.SchemaClient.Tests -c Release --filter Category=Soak</c>.
/// </summary>
[Trait("Category", "Soak")]
public sealed class SoakTests(ITestOutputHelper output)
{
    private const int Jobs = 1000;
    private const int Concurrency = 64;

    [Fact]
    public async Task A_thousand_jobs_with_ten_percent_faulted_answers_lose_nothing_and_submit_nothing_twice()
    {
        await using var emulator = await ClientEmulator.StartAsync(ConfigureFaults);
        using var client = ClientEmulator.Client(emulator, o =>
        {
            o.PollInterval = TimeSpan.FromMilliseconds(5);
            o.MaxPollInterval = TimeSpan.FromMilliseconds(20);
        });

        var completed = new ConcurrentDictionary<string, RequestResult>();
        var failures = new ConcurrentBag<Exception>();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Jobs),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (i, cancellationToken) =>
            {
                try
                {
                    var result = await client.RunAsync(Request(i), new RunOptions { Timeout = TimeSpan.FromMinutes(5) }, cancellationToken);
                    completed[result.RequestId] = result;
                }
                catch (Exception e)
                {
                    failures.Add(e);
                }
            });
        stopwatch.Stop();

        // Lost: a job the server took that no caller got back (or a run that ended without its result).
        var accepted = emulator.TotalSubmissions;
        var lost = accepted - completed.Count + failures.Count;
        var stats = emulator.Stats;
        var figures = string.Join(Environment.NewLine,
            $"jobs completed          {completed.Count} of {Jobs} ({Concurrency} at a time)",
            $"jobs lost               {lost}",
            $"duplicate submissions   {emulator.DuplicateSubmissions}",
            $"status calls per job    {(double)stats.StatusCalls / Jobs:0.00} (result calls per job {(double)stats.ResultCalls / Jobs:0.00}, submit calls per job {(double)stats.SubmitCalls / Jobs:0.00})",
            $"faults injected         {stats.FaultsInjected} of {stats.SubmitCalls + stats.StatusCalls + stats.ResultCalls} answers ({100.0 * stats.FaultsInjected / (stats.SubmitCalls + stats.StatusCalls + stats.ResultCalls):0.0}%)",
            $"jobs per second         {Jobs / stopwatch.Elapsed.TotalSeconds:0.0} (wall {stopwatch.Elapsed.TotalSeconds:0.0} s)",
            $"failures                {string.Join("; ", failures.GroupBy(f => f.GetType().Name).Select(g => $"{g.Key} x{g.Count()}: {g.First().Message}"))}");
        output.WriteLine(figures);

        failures.ShouldBeEmpty(figures);
        completed.Count.ShouldBe(Jobs);
        completed.Values.ShouldAllBe(r => r.State == RunComfyRequestState.Completed && r.Output.Image != null);
        lost.ShouldBe(0);
        accepted.ShouldBe(Jobs);
        emulator.DuplicateSubmissions.ShouldBe(0);
        stats.FaultsInjected.ShouldBeGreaterThan((stats.SubmitCalls + stats.StatusCalls + stats.ResultCalls) / 20);
    }

    private static TestSeedreamEditRequest Request(int i) =>
        TestSeedreamEditRequest.Valid("soak job " + i.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// 10% of answers on every endpoint. On submit only the kinds a client can survive without an idempotency
    /// key: 429 (nothing taken), slow answers, and truncated answers that still carry the id. The ambiguous
    /// ones (5xx, dropped connections) leave a job whose id no client can know; the end-to-end tests prove the
    /// client reports those and never resends them.
    /// </summary>
    private static void ConfigureFaults(EmulatorOptions options)
    {
        options.InitialQueuePosition = 2;
        options.QueueStep = TimeSpan.FromMilliseconds(2);
        options.RunDuration = TimeSpan.FromMilliseconds(5);
        var faults = options.Faults;
        faults.Seed = 20260101;
        faults.RetryAfterSeconds = 1;
        faults.SlowAnswerDelay = TimeSpan.FromMilliseconds(20);

        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.TooManyRequests, 0.04);
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.SlowAnswer, 0.03);
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.MalformedJson, 0.03);
        foreach (var endpoint in new[] { EmulatorEndpoint.Status, EmulatorEndpoint.Result })
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
