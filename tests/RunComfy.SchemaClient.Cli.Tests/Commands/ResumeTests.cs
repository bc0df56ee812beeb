using System.Text.Json;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>--no-wait, the journal, and resuming with wait/requests: a paid job is never lost.</summary>
public sealed class ResumeTests : IDisposable
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private const string SecretPrompt = "a very secret prompt about a cat";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    private static Task<EmulatorServer> StartEmulatorAsync() => EmulatorServer.StartAsync(new EmulatorOptions
    {
        Token = "tok-" + Guid.NewGuid().ToString("N"),
        InitialQueuePosition = 1,
        QueueStep = TimeSpan.FromMilliseconds(200),
        RunDuration = TimeSpan.FromMilliseconds(300),
    });

    [Fact]
    public async Task No_wait_journals_the_request_and_wait_resumes_it_from_the_journal()
    {
        await using var emulator = await StartEmulatorAsync();
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));

        var submitted = await _cli.RunAsync("run", Edit, "--no-wait", "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token,
            "--input", $"prompt={SecretPrompt}", "--input", "images=@cat.png");

        submitted.ExitCode.ShouldBe(0, submitted.ToString());
        var id = submitted.Out.Trim();
        id.ShouldNotBeEmpty();
        submitted.Error.ShouldContain($"comfy-schema wait {id}");

        // The journal knows the request; a loopback address must be given again (the token goes there).
        var waited = await _cli.RunAsync("wait", id, "--token", emulator.Options.Token, "--base-address", emulator.BaseAddress.ToString(), "--output-dir", "later");

        waited.ExitCode.ShouldBe(0, waited.ToString());
        SampleImages.IsPng(await File.ReadAllBytesAsync(waited.Out.Trim())).ShouldBeTrue();
        Path.GetDirectoryName(waited.Out.Trim()).ShouldBe(_cli.Combine("later"));

        var listed = await _cli.RunAsync("requests", "--json");
        using var document = JsonDocument.Parse(listed.Out);
        var entry = document.RootElement.GetProperty("requests").EnumerateArray().Single();
        entry.GetProperty("request_id").GetString().ShouldBe(id);
        entry.GetProperty("model_id").GetString().ShouldBe(Edit);
        entry.GetProperty("state").GetString().ShouldBe("completed");
        entry.GetProperty("base_address").GetString().ShouldBe(emulator.BaseAddress.ToString());
    }

    [Fact]
    public async Task Wait_counts_the_jobs_time_from_its_creation_not_from_when_wait_started()
    {
        await using var emulator = await StartEmulatorAsync();
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));
        string[] api = ["--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token];
        var submitted = await _cli.RunAsync(["run", Edit, "--no-wait", .. api, "--input", "prompt=a cat", "--input", "images=@cat.png"]);
        var id = submitted.Out.Trim();

        // The job (0.2 s queued, 0.3 s running) finishes before 'wait' starts; bounded.
        for (var i = 0; i < 100 && !(await _cli.RunAsync(["status", id, .. api])).Out.Contains("completed", StringComparison.Ordinal); i++)
        {
            await Task.Delay(50);
        }

        var waited = await _cli.RunAsync(["wait", id, .. api, "--no-download"]);

        waited.ExitCode.ShouldBe(0, waited.ToString());
        var match = System.Text.RegularExpressions.Regex.Match(waited.Error, $@"✓ {id} completed in (\d+\.\d)s\.");
        match.Success.ShouldBeTrue(waited.ToString());
        // created_at to finished_at on the emulator's clock: at least its 0.5 s, though the wait itself was one poll.
        double.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(0.5);
    }

    [Fact]
    public async Task Wait_shows_the_elapsed_time_since_the_journaled_submit_not_since_wait_started()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions
        {
            Token = "tok-" + Guid.NewGuid().ToString("N"),
            QueueStep = TimeSpan.FromMilliseconds(100),
            RunDuration = TimeSpan.FromSeconds(4),
        });
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));
        string[] api = ["--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token];
        var submitted = await _cli.RunAsync(["run", Edit, "--no-wait", .. api, "--input", "prompt=a cat", "--input", "images=@cat.png"]);
        var id = submitted.Out.Trim();
        submitted.ExitCode.ShouldBe(0, submitted.ToString());

        // 'wait' starts 2 s after the submit, while the job runs (4 s).
        await Task.Delay(TimeSpan.FromSeconds(2));
        var waited = await _cli.RunAsync(["wait", id, .. api, "--no-download"]);

        waited.ExitCode.ShouldBe(0, waited.ToString());
        var first = System.Text.RegularExpressions.Regex.Match(waited.Error, $@"{id}: [a-z_]+ · (\d\d):(\d\d)");
        first.Success.ShouldBeTrue(waited.ToString());
        // Was 00:00: the clock started with 'wait', while "completed in" below it counted from the job's creation.
        (int.Parse(first.Groups[1].Value) * 60 + int.Parse(first.Groups[2].Value)).ShouldBeGreaterThanOrEqualTo(2, waited.ToString());
    }

    [Fact]
    public async Task The_journal_never_holds_the_token_the_prompt_or_the_media()
    {
        await using var emulator = await StartEmulatorAsync();
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));

        var run = await _cli.RunAsync("run", Edit, "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token,
            "--input", $"prompt={SecretPrompt}", "--input", "images=@cat.png");

        run.ExitCode.ShouldBe(0, run.ToString());
        var journal = await File.ReadAllTextAsync(_cli.JournalPath);
        journal.ShouldContain(Edit);
        journal.ShouldNotContain(emulator.Options.Token);
        journal.ShouldNotContain("secret");
        journal.ShouldNotContain("data:");
        journal.ShouldNotContain("base64");
        journal.ShouldNotContain("cat.png");
        foreach (var line in File.ReadAllLines(_cli.JournalPath))
        {
            using var document = JsonDocument.Parse(line);
            document.RootElement.EnumerateObject().Select(p => p.Name).ShouldBeSubsetOf(["submit_id", "request_id", "model_id", "state", "base_address", "at"]);
        }
    }

    [Fact]
    public async Task Requests_lists_the_journal_newest_first()
    {
        await using var emulator = await StartEmulatorAsync();
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));
        var ids = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var run = await _cli.RunAsync("run", Edit, "--no-wait", "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token,
                "--input", "prompt=p", "--input", "images=@cat.png");
            ids.Add(run.Out.Trim());
        }

        var listed = await _cli.RunAsync("requests");

        listed.ExitCode.ShouldBe(0);
        listed.Out.IndexOf(ids[1], StringComparison.Ordinal).ShouldBeLessThan(listed.Out.IndexOf(ids[0], StringComparison.Ordinal));
        listed.Out.ShouldContain("submitted");
        (await _cli.RunAsync("requests", "--limit", "1")).Out.ShouldNotContain(ids[0]);
    }
}
