using System.Text.Json;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

public sealed class RunCommandTests : IDisposable
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task The_readme_command_runs_on_the_in_process_emulator_and_writes_a_png()
    {
        var run = await _cli.RunAsync("run", Edit, "--emulator", "--input", "prompt=a cat in a hat", "--input", $"images=@{RepositoryFiles.SampleImage}");

        run.ExitCode.ShouldBe(0, run.ToString());
        var path = run.Out.Trim();
        Path.GetDirectoryName(path).ShouldBe(_cli.Combine("outputs"));
        SampleImages.IsPng(await File.ReadAllBytesAsync(path)).ShouldBeTrue();
        run.Error.ShouldContain("in_queue");
        run.Error.ShouldContain("in_progress");
        run.Error.ShouldContain("completed");
        run.Error.ShouldContain("Saved 1 output file");
    }

    [Fact]
    public async Task Json_output_is_one_document_with_the_downloaded_paths()
    {
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(40, 30));

        var run = await _cli.RunAsync("run", Edit, "--emulator", "--json", "-i", "prompt=a cat", "-i", "images=@cat.png", "-o", "out");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Error.ShouldBeEmpty();
        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        root.GetProperty("state").GetString().ShouldBe("completed");
        root.GetProperty("model_id").GetString().ShouldBe(Edit);
        var output = root.GetProperty("outputs").EnumerateArray().Single();
        var path = output.GetProperty("path").GetString()!;
        path.ShouldStartWith(_cli.Combine("out"));
        output.GetProperty("bytes").GetInt64().ShouldBe(new FileInfo(path).Length);
    }

    [Fact]
    public async Task Every_validation_error_is_listed_and_nothing_is_submitted()
    {
        await using var emulator = await EmulatorServer.StartAsync();

        var run = await _cli.RunAsync("run", Edit, "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token,
            "--input", "prompt=" + new string('x', 601), "--input", "resolution=8K", "--input", "colour=red");

        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("nothing was submitted");
        run.Error.ShouldContain("colour:");
        run.Error.ShouldContain("prompt:");
        run.Error.ShouldContain("resolution:");
        run.Error.ShouldContain("images:");
        emulator.Stats.SubmitCalls.ShouldBe(0);
    }

    [Fact]
    public async Task Mistyped_values_are_reported_with_the_type_expected()
    {
        var run = await _cli.RunAsync("run", "bytedance/seedream-4-0/edit-sequential", "--emulator",
            "--input", "seed=lucky", "--input", "sequential_image_generation_options=three", "--input", "text=x", "--input", "images=https://cdn.runcomfy.net/a.png");

        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("seed: expects an integer, not 'lucky'");
        run.Error.ShouldContain("sequential_image_generation_options: expects an integer");
    }

    [Fact]
    public async Task Media_rules_are_checked_on_the_file_before_submitting()
    {
        File.WriteAllBytes(_cli.Combine("tiny.png"), SampleImages.Png(10, 10));
        File.WriteAllBytes(_cli.Combine("wide.png"), SampleImages.Png(200, 20));
        await using var emulator = await EmulatorServer.StartAsync();

        var run = await _cli.RunAsync("run", Edit, "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token,
            "--input", "prompt=a cat", "--input", "images=@tiny.png,@wide.png");

        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("images[0]: The uploaded image width and height must exceed 14 pixels.");
        run.Error.ShouldContain("images[1]: The aspect ratio range should be 1:3 to 3:1.");
        emulator.Stats.SubmitCalls.ShouldBe(0);
    }

    [Fact]
    public async Task A_missing_media_file_exits_66()
    {
        var run = await _cli.RunAsync("run", Edit, "--emulator", "--input", "prompt=a cat", "--input", "images=@nowhere.png");

        run.ExitCode.ShouldBe(66, run.ToString());
        run.Error.ShouldContain("images[0]: file 'nowhere.png' does not exist.");
    }

    [Fact]
    public async Task A_missing_input_file_exits_66_and_a_malformed_one_65()
    {
        (await _cli.RunAsync("run", Edit, "--emulator", "--input-file", "nope.json")).ExitCode.ShouldBe(66);

        await File.WriteAllTextAsync(_cli.Combine("bad.json"), "[1,2]");
        var run = await _cli.RunAsync("run", Edit, "--emulator", "--input-file", "bad.json");
        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("must hold one JSON object");
    }

    [Fact]
    public async Task An_input_file_is_merged_with_inputs()
    {
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));
        await File.WriteAllTextAsync(_cli.Combine("request.json"), """{"prompt":"from the file","images":["@cat.png"],"resolution":"1K"}""");

        var run = await _cli.RunAsync("run", Edit, "--emulator", "--input-file", "request.json", "--input", "resolution=2K");

        run.ExitCode.ShouldBe(0, run.ToString());
    }

    [Fact]
    public async Task An_output_folder_blocked_by_a_file_is_a_download_error_naming_the_output()
    {
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));
        File.WriteAllText(_cli.Combine("taken"), "mine");

        var run = await _cli.RunAsync("run", Edit, "--emulator", "--input", "prompt=a cat", "--input", "images=@cat.png", "--output-dir", "taken/out");

        // The paid job completed; only its file could not be saved: the CLI's ✗ line, not a raw IOException.
        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("completed");
        var error = run.Error.Split('\n').Select(l => l.TrimEnd('\r')).Single(l => l.StartsWith("✗ ", StringComparison.Ordinal));
        error.ShouldStartWith("✗ Could not save http://127.0.0.1:");
        error.ShouldContain($"'{_cli.Combine("taken")}' is a file, not a folder");
        error.ShouldEndWith("; nothing was written.");
        File.ReadAllText(_cli.Combine("taken")).ShouldBe("mine");
    }

    [Fact]
    public async Task A_failed_job_exits_1_with_the_reason()
    {
        _cli.ConfigureEmulator = options => options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.JobFailure);
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));

        var run = await _cli.RunAsync("run", Edit, "--emulator", "--input", "prompt=a cat", "--input", "images=@cat.png");

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("failed");
        Directory.Exists(_cli.Combine("outputs")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_refused_submit_maps_its_http_status_to_the_exit_code()
    {
        _cli.ConfigureEmulator = options => options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.NoBalance);
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));

        var run = await _cli.RunAsync("run", Edit, "--emulator", "--input", "prompt=a cat", "--input", "images=@cat.png");

        run.ExitCode.ShouldBe(65, run.ToString());
        File.Exists(_cli.JournalPath).ShouldBeFalse();
    }

    [Fact]
    public async Task A_wrong_token_exits_77()
    {
        await using var emulator = await EmulatorServer.StartAsync();
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));

        var run = await _cli.RunAsync("run", Edit, "--base-address", emulator.BaseAddress.ToString(), "--token", "not-the-token",
            "--input", "prompt=a cat", "--input", "images=@cat.png");

        run.ExitCode.ShouldBe(77, run.ToString());
        run.Error.ShouldNotContain("not-the-token");
    }
}
