using System.Buffers;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;
using Xunit.Abstractions;

namespace RunComfy.SchemaClient.Tests.Soak;

/// <summary>
/// 1,000 jobs through <see cref="RunComfyClient.RunAsync"/>, 64 at a time, against the emulator with 10% of
/// the answers of every endpoint faulted, ambiguous submit faults included. Every job the server took is either
/// completed or reported to its caller as possibly existing; nothing is lost and nothing submitted twice.
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

        // What each caller saw, by job number.
        var completed = new ConcurrentDictionary<int, RequestResult>();
        var outcomeUnknown = new ConcurrentDictionary<int, SubmitOutcomeUnknownException>();
        var failures = new ConcurrentBag<Exception>();
        var stopwatch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Jobs),
            new ParallelOptions { MaxDegreeOfParallelism = Concurrency },
            async (i, cancellationToken) =>
            {
                try
                {
                    completed[i] = await client.RunAsync(Request(i), new RunOptions { Timeout = TimeSpan.FromMinutes(5) }, cancellationToken);
                }
                catch (SubmitOutcomeUnknownException e)
                {
                    outcomeUnknown[i] = e;
                }
                catch (Exception e)
                {
                    failures.Add(e);
                }
            });
        stopwatch.Stop();

        // What the server took, by job number, from its ledger of accepted bodies.
        var acceptedCount = Enumerable.Range(0, Jobs).Select(i => emulator.GetSubmissionCount(Body(i))).ToArray();
        var unknownTaken = outcomeUnknown.Keys.Count(i => acceptedCount[i] > 0);
        // Lost: a job the server took whose caller neither got its result nor was told it may exist.
        var lost = Enumerable.Range(0, Jobs).Count(i => acceptedCount[i] > 0 && !completed.ContainsKey(i) && !outcomeUnknown.ContainsKey(i));
        var stats = emulator.Stats;
        var answers = stats.SubmitCalls + stats.StatusCalls + stats.ResultCalls;
        var figures = string.Join(Environment.NewLine,
            $"jobs completed                 {completed.Count} of {Jobs} ({Concurrency} at a time)",
            $"submit outcome unknown         {outcomeUnknown.Count} (reported with SubmitOutcomeUnknownException; {unknownTaken} of them taken by the server, {outcomeUnknown.Count - unknownTaken} not)",
            $"  by reason                    {string.Join("; ", outcomeUnknown.Values.GroupBy(e => e.Reason.Split(' ', 3) is [var a, var b, ..] ? $"{a} {b}" : e.Reason).Select(g => $"{g.Key}.. x{g.Count()}"))}",
            $"submit faults                  {string.Join(", ", Enum.GetValues<FaultKind>().Where(k => stats.GetFaults(EmulatorEndpoint.Submit, k) > 0).Select(k => $"{k} {stats.GetFaults(EmulatorEndpoint.Submit, k)}"))}",
            $"jobs lost                      {lost}",
            $"duplicate submissions          {emulator.DuplicateSubmissions}",
            $"submissions accepted           {emulator.TotalSubmissions} (submit answers faulted after acceptance: {stats.SubmitsAcceptedWithFaultedAnswer})",
            $"status calls per job           {(double)stats.StatusCalls / Jobs:0.00} (result calls per job {(double)stats.ResultCalls / Jobs:0.00}, submit calls per job {(double)stats.SubmitCalls / Jobs:0.00})",
            $"faults injected                {stats.FaultsInjected} of {answers} answers ({100.0 * stats.FaultsInjected / answers:0.0}%)",
            $"jobs per second                {Jobs / stopwatch.Elapsed.TotalSeconds:0.0} (wall {stopwatch.Elapsed.TotalSeconds:0.0} s)",
            $"other failures                 {string.Join("; ", failures.GroupBy(f => f.GetType().Name).Select(g => $"{g.Key} x{g.Count()}: {g.First().Message}"))}");
        output.WriteLine(figures);

        failures.ShouldBeEmpty(figures);
        (completed.Count + outcomeUnknown.Count).ShouldBe(Jobs, figures);
        completed.Keys.ShouldAllBe(i => !outcomeUnknown.ContainsKey(i));
        completed.Values.ShouldAllBe(r => r.State == RunComfyRequestState.Completed && r.Output.Image != null);
        completed.Keys.ShouldAllBe(i => acceptedCount[i] == 1);
        acceptedCount.ShouldAllBe(count => count <= 1, figures);
        acceptedCount.Sum().ShouldBe(emulator.TotalSubmissions, "every accepted body is one of the soak's jobs");
        emulator.DuplicateSubmissions.ShouldBe(0);
        lost.ShouldBe(0, figures);
        outcomeUnknown.Count.ShouldBeGreaterThan(0, "the ambiguous submit faults were exercised");
        stats.FaultsInjected.ShouldBeGreaterThan(answers / 20);
    }

    /// <summary>The body exactly as the client sends it (compact, relaxed escaping), to look it up in the emulator's ledger.</summary>
    private static string Body(int i)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Request(i).WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    private static TestSeedreamEditRequest Request(int i) =>
        TestSeedreamEditRequest.Valid("soak job " + i.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// 10% of answers on every endpoint. On submit: 429 (nothing taken), slow answers, and the ambiguous ones
    /// after the job was created: 500, dropped connections, truncated JSON cut anywhere (some keep the id, some
    /// lose it). An ambiguous submit must end as SubmitOutcomeUnknownException, never be resent.
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

        faults.MalformedJsonCutFraction = null;
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.TooManyRequests, 0.03);
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.SlowAnswer, 0.02);
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.InternalServerError, 0.02, FaultTiming.AfterAccept);
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.DropConnection, 0.015, FaultTiming.AfterAccept);
        faults.SetRate(EmulatorEndpoint.Submit, FaultKind.MalformedJson, 0.015, FaultTiming.AfterAccept);
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
