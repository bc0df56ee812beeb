using System.Text.Json;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Batch;

/// <summary><c>comfy-schema batch</c> against an emulator with limited workers: results, problems, Ctrl-C, resuming, several processes.</summary>
public sealed class BatchCommandTests : IDisposable
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    internal static Task<EmulatorServer> StartEmulatorAsync(int workers = 3, int runMs = 150) => EmulatorServer.StartAsync(new EmulatorOptions
    {
        Token = "tok-" + Guid.NewGuid().ToString("N"),
        Workers = workers,
        RunDuration = TimeSpan.FromMilliseconds(runMs),
    });

    internal static string Line(string prompt) => JsonSerializer.Serialize(new { prompt, images = new[] { "https://example.com/f.png" } });

    internal static string Body(string prompt) => $$"""{"prompt":"{{prompt}}","images":["https://example.com/f.png"]}""";

    private string[] Args(EmulatorServer emulator, string file, params string[] more) =>
        ["batch", Edit, "--input-file", file, "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token,
         "--concurrency", "4", "--max-polls-per-second", "50", "--submits-per-second", "100", .. more];

    private string WriteInput(string name, IEnumerable<string> lines)
    {
        var path = _cli.Combine(name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static List<JsonElement> ReadResults(string path) =>
        File.ReadAllLines(path).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    [Fact]
    public async Task Every_line_runs_once_and_the_results_file_has_one_line_per_input_line()
    {
        await using var emulator = await StartEmulatorAsync();
        var lines = Enumerable.Range(0, 8).Select(i => Line($"all {i}")).ToList();
        // A line may name its own model.
        lines.Add(JsonSerializer.Serialize(new { model_id = Edit, input = new { prompt = "own model", images = new[] { "https://example.com/f.png" } } }));
        var input = WriteInput("requests.jsonl", lines);

        var run = await _cli.RunAsync(Args(emulator, input, "--output", "results.jsonl", "--output-dir", "out"));

        run.ExitCode.ShouldBe(0, run.ToString());
        var results = ReadResults(_cli.Combine("results.jsonl"));
        results.Select(r => r.GetProperty("index").GetInt64()).ShouldBe(Enumerable.Range(1, 9).Select(i => (long)i));
        results.ShouldAllBe(r => r.GetProperty("state").GetString() == "completed" && r.GetProperty("outputs").GetArrayLength() == 1);
        results.Select(r => r.GetProperty("request_id").GetString()).Distinct().Count().ShouldBe(9);
        File.Exists(results[0].GetProperty("files")[0].GetString()).ShouldBeTrue();
        Path.GetDirectoryName(results[0].GetProperty("files")[0].GetString()).ShouldBe(_cli.Combine("out", "line-1"));
        emulator.TotalSubmissions.ShouldBe(9);
        emulator.DuplicateSubmissions.ShouldBe(0);
        run.Error.ShouldContain("done 9, failed 0 of 9");
    }

    [Fact]
    public async Task Every_problem_of_every_line_is_reported_at_once_and_nothing_is_sent()
    {
        await using var emulator = await StartEmulatorAsync();
        var input = WriteInput("bad.jsonl",
        [
            Line("fine"),
            """{"images":["https://example.com/f.png"]}""",
            "not json",
            JsonSerializer.Serialize(new { prompt = new string('x', 700), images = new[] { "https://example.com/f.png" } }),
            JsonSerializer.Serialize(new { model_id = "acme/none", input = new { prompt = "x" } }),
        ]);

        var run = await _cli.RunAsync(Args(emulator, input));

        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("4 problem(s)");
        run.Error.ShouldContain("line 2: prompt");
        run.Error.ShouldContain("line 3: not valid JSON");
        run.Error.ShouldContain("line 4: prompt");
        run.Error.ShouldContain("maxLength");
        run.Error.ShouldContain("line 5: unknown model 'acme/none'");
        emulator.Stats.SubmitCalls.ShouldBe(0);
    }

    [Fact]
    public async Task After_Ctrl_C_a_rerun_collects_the_running_jobs_and_submits_only_what_never_ran()
    {
        await using var emulator = await StartEmulatorAsync(workers: 2, runMs: 400);
        var prompts = Enumerable.Range(0, 10).Select(i => $"ctrl-c {i}").ToList();
        var input = WriteInput("requests.jsonl", prompts.Select(Line));
        using var interrupt = new CancellationTokenSource();
        var journal = Path.Combine(_cli.DataDirectory, "batches");

        var first = _cli.RunAsync(Args(emulator, input, "--output", "results.jsonl"), interrupt.Token);
        await WaitForAsync(() => Directory.Exists(journal) && Directory.GetFiles(journal, "*.jsonl").Any(f => File.ReadAllText(f).Contains("\"completed\"")));
        await interrupt.CancelAsync();
        var stopped = await first;

        stopped.ExitCode.ShouldBe(130, stopped.ToString());
        stopped.Error.ShouldContain("Rerun the same command");
        var cancelled = emulator.Stats.JobsCancelled;

        var rerun = await _cli.RunAsync(Args(emulator, input, "--output", "results.jsonl"));

        rerun.ExitCode.ShouldBe(0, rerun.ToString());
        rerun.Error.ShouldContain("Resuming the batch");
        ReadResults(_cli.Combine("results.jsonl")).ShouldAllBe(r => r.GetProperty("state").GetString() == "completed");
        // Only a job cancelled while queued (never ran, never billed) is submitted again.
        prompts.Count(p => emulator.GetSubmissionCount(Body(p)) == 2).ShouldBe((int)cancelled);
        prompts.ShouldAllBe(p => emulator.GetSubmissionCount(Body(p)) >= 1 && emulator.GetSubmissionCount(Body(p)) <= 2);
    }

    [Fact]
    public async Task A_line_whose_submit_may_have_been_accepted_is_listed_and_only_the_flag_sends_it_again()
    {
        await using var emulator = await StartEmulatorAsync();
        var prompts = Enumerable.Range(0, 3).Select(i => $"unknown {i}").ToList();
        var input = WriteInput("requests.jsonl", prompts.Select(Line));
        // A run killed after journaling line 2's submit, before its answer came back.
        var journalPath = RunComfy.Cli.Batch.BatchJournal.PathFor(_cli.DataDirectory, Edit, await File.ReadAllBytesAsync(input));
        Directory.CreateDirectory(Path.GetDirectoryName(journalPath)!);
        await File.WriteAllTextAsync(journalPath, """{"line":2,"state":"submitting","model_id":"bytedance/seedream-4-0/edit"}""" + "\n");

        var run = await _cli.RunAsync(Args(emulator, input, "--output", "results.jsonl"));

        run.ExitCode.ShouldBe(76, run.ToString());
        run.Error.ShouldContain("line 2 (bytedance/seedream-4-0/edit)");
        run.Error.ShouldContain("--resubmit-unknown");
        emulator.GetSubmissionCount(Body(prompts[1])).ShouldBe(0);
        ReadResults(_cli.Combine("results.jsonl"))[1].GetProperty("state").GetString().ShouldBe("submitting");

        var forced = await _cli.RunAsync(Args(emulator, input, "--output", "results.jsonl", "--resubmit-unknown"));

        forced.ExitCode.ShouldBe(0, forced.ToString());
        emulator.GetSubmissionCount(Body(prompts[1])).ShouldBe(1);
        prompts.ShouldAllBe(p => emulator.GetSubmissionCount(Body(p)) == 1);
    }

    [Fact]
    public async Task Three_batch_processes_at_once_never_submit_a_line_twice()
    {
        await using var emulator = await StartEmulatorAsync(workers: 4, runMs: 100);
        var shared = Enumerable.Range(0, 12).Select(i => $"shared {i}").ToList();
        var other = Enumerable.Range(0, 12).Select(i => $"other {i}").ToList();
        var sharedFile = WriteInput("shared.jsonl", shared.Select(Line));
        var otherFile = WriteInput("other.jsonl", other.Select(Line));

        // Two runs of the same batch and one of another, started together.
        var runs = await Task.WhenAll(
            _cli.RunAsync(Args(emulator, sharedFile)),
            _cli.RunAsync(Args(emulator, sharedFile)),
            _cli.RunAsync(Args(emulator, otherFile)));

        runs.ShouldAllBe(r => r.ExitCode == 0 || r.ExitCode == 75, string.Join("\n", runs.Select(r => r.ToString())));
        runs[2].ExitCode.ShouldBe(0, runs[2].ToString());
        runs.Where(r => r.ExitCode == 75).ShouldAllBe(r => r.Error.Contains("Another comfy-schema process is running this batch"));
        shared.Concat(other).ShouldAllBe(p => emulator.GetSubmissionCount(Body(p)) == 1);
        emulator.DuplicateSubmissions.ShouldBe(0);

        // Whoever was refused, a rerun now finds everything done.
        var again = await _cli.RunAsync(Args(emulator, sharedFile));
        again.ExitCode.ShouldBe(0, again.ToString());
        again.Error.ShouldContain("12 line(s) finished earlier are skipped");
        emulator.TotalSubmissions.ShouldBe(24);
    }

    internal static async Task WaitForAsync(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
