using System.Diagnostics;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Batch;

/// <summary>
/// A real <c>kill -9</c>: the CLI runs as a child process against an in-test emulator, is killed once its journal shows
/// submitted jobs, and a rerun of the same command loses nothing and submits nothing twice. Bounded: the child is
/// killed within 30 s whatever happens.
/// </summary>
public sealed class BatchKillTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task A_batch_killed_mid_run_is_finished_by_a_rerun_without_a_duplicate_or_a_lost_job()
    {
        await using var emulator = await BatchCommandTests.StartEmulatorAsync(workers: 2, runMs: 300);
        var prompts = Enumerable.Range(0, 16).Select(i => $"kill {i}").ToList();
        var input = _cli.Combine("requests.jsonl");
        await File.WriteAllLinesAsync(input, prompts.Select(BatchCommandTests.Line));
        string[] args = ["batch", "bytedance/seedream-4-0/edit", "--input-file", input, "--base-address", emulator.BaseAddress.ToString(),
            "--concurrency", "6", "--max-polls-per-second", "50", "--submits-per-second", "100", "--output", _cli.Combine("results.jsonl")];

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = _cli.WorkingDirectory };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "comfy-schema.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        start.Environment["RUNCOMFY_API_TOKEN"] = emulator.Options.Token;
        start.Environment[RunComfy.Cli.Journal.JournalLocation.EnvironmentVariable] = _cli.DataDirectory;
        start.Environment.Remove("RUNCOMFY_TOKEN");
        start.Environment.Remove("RUNCOMFY_MODEL_API_BASE");

        using (var child = Process.Start(start)!)
        {
            try
            {
                var batches = Path.Combine(_cli.DataDirectory, "batches");
                await BatchCommandTests.WaitForAsync(() => child.HasExited
                    || (Directory.Exists(batches) && Directory.GetFiles(batches, "*.jsonl").Any(f => File.ReadAllText(f).Contains("\"submitted\""))));
                child.HasExited.ShouldBeFalse("the child was still running when killed");
            }
            finally
            {
                if (!child.HasExited) child.Kill(entireProcessTree: true);
                await child.WaitForExitAsync(new CancellationTokenSource(TimeSpan.FromSeconds(30)).Token);
            }
        }

        var rerun = await _cli.RunAsync([.. args, "--token", emulator.Options.Token]);

        // The kill may have fallen between a line's 'submitting' record and its answer: that line is listed (exit 76), not resent.
        rerun.ExitCode.ShouldBeOneOf([0, 76], rerun.ToString());
        rerun.Error.ShouldContain("Resuming the batch");
        var results = File.ReadAllLines(_cli.Combine("results.jsonl")).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.Clone()).ToList();
        results.Count.ShouldBe(16);
        for (var i = 0; i < prompts.Count; i++)
        {
            var accepted = emulator.GetSubmissionCount(BatchCommandTests.Body(prompts[i]));
            var state = results[i].GetProperty("state").GetString();
            accepted.ShouldBeLessThanOrEqualTo(1, $"line {i + 1} was submitted twice");
            if (state == "completed")
            {
                accepted.ShouldBe(1);
            }
            else
            {
                // Not lost: a line the server took without a completed result is listed as possibly submitted.
                state.ShouldBe("submitting", rerun.ToString());
                rerun.Error.ShouldContain($"line {i + 1} (");
            }
        }

        emulator.DuplicateSubmissions.ShouldBe(0);
    }
}
