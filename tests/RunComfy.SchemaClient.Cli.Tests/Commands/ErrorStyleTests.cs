using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>
/// Every error of every command looks the same: a <c>✗</c> line, indented details, a usage exit code for command-line
/// mistakes; and what can be checked on the machine is checked before a token is asked for.
/// </summary>
public sealed class ErrorStyleTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    public static TheoryData<string[], int> BadInputOfEveryCommand => new()
    {
        { ["frobnicate"], 64 },
        { ["run"], 64 },
        { ["run", "bytedance/seedream-4-0/edit", "--input", "colour=red"], 65 },
        { ["run", "bytedance/seedream-4-0/edit", "--timeout", "soon"], 64 },
        { ["run", "../escape", "--input", "prompt=x"], 64 },
        { ["run", "someone/not-compiled", "--input-file", "missing.json"], 66 },
        { ["models", "--search", "kling"], 64 },
        { ["models", "show", "nope/nope"], 65 },
        { ["models", "show", "nope/nope", "--emulator"], 65 },
        { ["models", "show", "../x"], 64 },
        { ["status", "a/b"], 65 },
        { ["result", ".."], 65 },
        { ["wait", "a?b"], 65 },
        { ["wait", "abc", "--timeout", "soon"], 64 },
        { ["cancel", "a%2fb"], 65 },
        { ["requests", "--limit", "many"], 64 },
        { ["schemas", "frob"], 64 },
        { ["schemas", "pull", "../x"], 64 },
        { ["schemas", "check", "--dir", "missing"], 66 },
        { ["batch", "--input-file", "missing.jsonl"], 66 },
    };

    [Theory]
    [MemberData(nameof(BadInputOfEveryCommand))]
    public async Task Every_command_reports_bad_input_with_the_cross_and_indented_details(string[] args, int exitCode)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.ShouldBe(exitCode, run.ToString());
        run.Error.ShouldStartWith("✗ ", customMessage: run.ToString());
        foreach (var line in Lines(run.Error))
        {
            (line.StartsWith("✗ ", StringComparison.Ordinal) || line.StartsWith("  ", StringComparison.Ordinal)).ShouldBeTrue(run.ToString());
        }
    }

    public static TheoryData<string[], int> ArgumentsCheckedBeforeTheToken => new()
    {
        { ["status", "a/b"], 65 },
        { ["result", "a\\b"], 65 },
        { ["wait", ".."], 65 },
        { ["cancel", "a b"], 65 },
        { ["run", "../escape", "--input", "prompt=x"], 64 },
        { ["run", "someone/not-compiled", "--input", "no-equals-sign"], 64 },
        { ["run", "someone/not-compiled", "--input-file", "missing.json"], 66 },
        { ["models", "show", "a//b"], 64 },
        { ["schemas", "pull", "ok/model", "../x"], 64 },
        { ["schemas", "check", "--dir", "missing"], 66 },
        { ["batch", "--input-file", "missing.jsonl"], 66 },
    };

    [Theory]
    [MemberData(nameof(ArgumentsCheckedBeforeTheToken))]
    public async Task Arguments_are_checked_before_a_token_is_asked_for(string[] args, int exitCode)
    {
        // No token anywhere (the harness clears the environment): a token error would be exit 77.
        var run = await _cli.RunAsync(args);

        run.ExitCode.ShouldBe(exitCode, run.ToString());
        run.Error.ShouldNotContain("No API token");
    }

    [Theory]
    [InlineData("status")]
    [InlineData("result")]
    [InlineData("wait")]
    [InlineData("cancel")]
    public async Task Without_a_token_an_id_of_the_right_form_that_the_journal_does_not_know_is_named(string command)
    {
        var run = await _cli.RunAsync(command, "not-an-id");

        run.ExitCode.ShouldBe(77, run.ToString());
        run.Error.ShouldStartWith("✗ No API token, and 'not-an-id' is not in this CLI's journal", customMessage: run.ToString());
        run.Error.ShouldContain("check the id");
        run.Error.ShouldContain("RUNCOMFY_API_TOKEN");
    }

    [Fact]
    public async Task Every_problem_of_a_run_found_without_the_schema_is_listed_at_once()
    {
        var run = await _cli.RunAsync("run", "../escape", "--input-file", "missing.json", "--input", "no-equals-sign");

        run.ExitCode.ShouldBe(64, run.ToString());
        run.Error.ShouldContain("3 problems");
        run.Error.ShouldContain("model_id: '../escape' is not a model id");
        run.Error.ShouldContain("--input-file: file 'missing.json' does not exist.");
        run.Error.ShouldContain("'--input no-equals-sign' is not key=value");
    }

    [Fact]
    public async Task An_unknown_command_is_named_as_such_with_the_commands_there_are()
    {
        var run = await _cli.RunAsync("frobnicate");

        run.ExitCode.ShouldBe(64, run.ToString());
        Lines(run.Error)[0].ShouldBe("✗ 'frobnicate' is not a comfy-schema command.");
        run.Error.ShouldNotContain("Required command was not provided");
        run.Error.ShouldContain("  Commands: run, models, status, result, wait, cancel, requests, schemas, batch.");
        run.Error.ShouldContain("  See 'comfy-schema --help'.");
    }

    [Theory]
    [InlineData("comfy-schema", "run, models, status, result, wait, cancel, requests, schemas, batch")]
    [InlineData("comfy-schema schemas", "pull, check")]
    public async Task No_command_lists_the_commands(string command, string commands)
    {
        var run = await _cli.RunAsync(command.Split(' ')[1..]);

        run.ExitCode.ShouldBe(64, run.ToString());
        Lines(run.Error)[0].ShouldBe($"✗ {command} needs a command.", run.Error);
        run.Error.ShouldContain($"  Commands: {commands}.");
        run.Error.ShouldNotContain("Required command was not provided");
        run.Error.ShouldContain($"  See '{command} --help'.");
    }

    [Theory]
    [InlineData("stauts", "status", "stauts", "req-1")]
    [InlineData("cancle", "cancel", "cancle", "req-1")]
    [InlineData("chek", "check", "schemas", "chek")]
    public async Task A_mistyped_command_gets_the_closest_command_suggested(string typo, string suggestion, params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.ShouldBe(64, run.ToString());
        var path = args[0] == "schemas" ? "comfy-schema schemas" : "comfy-schema";
        Lines(run.Error)[0].ShouldBe($"✗ '{typo}' is not a {path} command.");
        run.Error.ShouldContain($"  Did you mean: {suggestion}?");
        run.Error.ShouldNotContain("Required command was not provided");
        // The tokens after a mistyped command were its arguments: one mistake, one ✗ line.
        Lines(run.Error).Count(l => l.StartsWith('✗')).ShouldBe(1, run.Error);
    }

    [Theory]
    [InlineData("run")]
    [InlineData("wait")]
    [InlineData("batch")]
    [InlineData("requests")]
    [InlineData("schemas pull")]
    public async Task Help_states_each_default_once(string command)
    {
        var run = await _cli.RunAsync([.. command.Split(' '), "--help"]);

        run.ExitCode.ShouldBe(0, run.ToString());
        foreach (var line in Lines(run.Out))
        {
            (line.Contains("Default:", StringComparison.Ordinal) && line.Contains("[default:", StringComparison.Ordinal)).ShouldBeFalse(line);
        }

        if (command is "run" or "wait")
        {
            var timeout = Lines(run.Out).Single(l => l.TrimStart().StartsWith("--timeout", StringComparison.Ordinal));
            timeout.ShouldEndWith("Default: 30m.");
            timeout.ShouldNotContain("00:30:00");
        }
    }

    [Theory]
    [InlineData("run")]
    [InlineData("status")]
    [InlineData("result")]
    [InlineData("wait")]
    [InlineData("cancel")]
    [InlineData("requests")]
    [InlineData("models")]
    [InlineData("models show")]
    [InlineData("schemas pull")]
    [InlineData("schemas check")]
    [InlineData("batch")]
    public async Task Help_names_each_option_value_in_one_short_word(string command)
    {
        // '--max-polls-per-second <max-polls-per-second>' doubled the option column for every line of batch's help;
        // a value is named by what it is (<n>, <MiB>, <dir>), the same word where two commands share an option.
        var run = await _cli.RunAsync([.. command.Split(' '), "--help"]);

        run.ExitCode.ShouldBe(0, run.ToString());
        foreach (var line in Lines(run.Out).Where(l => l.TrimStart().StartsWith('-')))
        {
            var value = System.Text.RegularExpressions.Regex.Match(line, "^\\s*(?:-\\S+, )?--\\S+ <([^>]+)>");
            if (value.Success)
            {
                value.Groups[1].Value.ShouldNotContain("-", customMessage: line);
                value.Groups[1].Value.Length.ShouldBeLessThanOrEqualTo(12, line);
            }

            if (line.TrimStart().StartsWith("--max-download-mb", StringComparison.Ordinal))
            {
                line.ShouldContain("--max-download-mb <MiB>");
            }
        }
    }

    private static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).Where(l => l.Length > 0).ToArray();
}
