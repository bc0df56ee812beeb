using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>
/// A mistyped option is named as an option the command does not have, in the ✗ style of a mistyped command, with the
/// closest option (or the argument it resembles, or the commands it belongs to) on the line under it, and nothing
/// suggested when nothing is close. Usage exit code, one mistake one ✗ line, nothing asked of the API.
/// </summary>
public sealed class UnknownOptionTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("comfy-schema run", "--inptu", "Did you mean: --input?", "run", "bytedance/seedream-4-0/edit", "--inptu", "prompt=x")]
    [InlineData("comfy-schema run", "--output-dri", "Did you mean: --output-dir?", "run", "bytedance/seedream-4-0/edit", "--output-dri", "out")]
    [InlineData("comfy-schema wait", "--timout", "Did you mean: --timeout?", "wait", "req-1", "--timout", "5m")]
    [InlineData("comfy-schema models", "--jsn", "Did you mean: --json?", "models", "--jsn")]
    [InlineData("comfy-schema schemas pull", "--dri", "Did you mean: --dir?", "schemas", "pull", "a/b", "--dri", "x")]
    [InlineData("comfy-schema batch", "--concurency", "Did you mean: --concurrency?", "batch", "--input-file", "x.jsonl", "--concurency", "5")]
    [InlineData("comfy-schema run", "--modle", "Did you mean the <model_id> argument? It is given without an option name: comfy-schema run <model_id>.", "run", "--modle", "bytedance/seedream-4-0/edit")]
    [InlineData("comfy-schema run", "--model", "Did you mean the <model_id> argument? It is given without an option name: comfy-schema run <model_id>.", "run", "--model=bytedance/seedream-4-0/edit")]
    [InlineData("comfy-schema status", "--output-dir", "--output-dir is an option of: run, result, wait, batch.", "status", "req-1", "--output-dir", "out")]
    [InlineData("comfy-schema cancel", "--remote", "--remote is an option of: models.", "cancel", "--remote", "req-1")]
    public async Task A_mistyped_option_gets_the_closest_option_or_where_it_belongs(string path, string option, string hint, params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.ShouldBe(64, run.ToString());
        var lines = Lines(run.Error);
        lines[0].ShouldBe($"✗ '{option}' is not an option of {path}.", run.ToString());
        lines[1].ShouldBe($"  {hint}", run.ToString());
        lines[2].ShouldBe($"  See '{path} --help'.", run.ToString());
        lines.Length.ShouldBe(3, run.ToString());
        run.Out.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("comfy-schema run", "--zzzzzz", "run", "bytedance/seedream-4-0/edit", "--zzzzzz")]
    [InlineData("comfy-schema run", "-x", "run", "-x", "bytedance/seedream-4-0/edit")]
    [InlineData("comfy-schema requests", "--foo", "requests", "--foo")]
    public async Task An_option_like_nothing_known_gets_no_suggestion(string path, string option, params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.ShouldBe(64, run.ToString());
        Lines(run.Error).ShouldBe([$"✗ '{option}' is not an option of {path}.", $"  See '{path} --help'."], run.ToString());
        run.Error.ShouldNotContain("Did you mean");
    }

    [Fact]
    public async Task Each_mistyped_option_gets_its_own_line_and_other_errors_stay()
    {
        var run = await _cli.RunAsync("run", "--inptu", "a=b", "--no-wiat");

        run.ExitCode.ShouldBe(64, run.ToString());
        run.Error.ShouldContain("✗ '--inptu' is not an option of comfy-schema run.\n  Did you mean: --input?\n", Case.Sensitive, run.ToString());
        run.Error.ShouldContain("✗ '--no-wiat' is not an option of comfy-schema run.\n  Did you mean: --no-wait?\n", Case.Sensitive, run.ToString());
        run.Error.ShouldNotContain("Unrecognized");
    }

    [Theory]
    [InlineData("comfy-schema", "--jsn", "Did you mean: --json?", "run, models, status, result, wait, cancel, requests, schemas, batch", "--jsn")]
    [InlineData("comfy-schema schemas", "--dri", null, "pull, check", "schemas", "--dri", "x")]
    public async Task A_mistyped_option_where_a_command_is_needed_also_lists_the_commands(string path, string option, string? hint, string commands, params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.ShouldBe(64, run.ToString());
        string[] expected = [$"✗ {path} needs a command.", $"  Commands: {commands}.", $"✗ '{option}' is not an option of {path}.", .. hint is null ? Array.Empty<string>() : [$"  {hint}"], $"  See '{path} --help'."];
        Lines(run.Error).ShouldBe(expected, run.ToString());
    }

    [Fact]
    public async Task A_dash_in_an_input_value_is_still_a_value()
    {
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));

        var run = await _cli.RunAsync("run", "bytedance/seedream-4-0/edit", "--emulator", "--input", "prompt=--not-an-option", "--input", "images=@cat.png", "--no-download");

        run.ExitCode.ShouldBe(0, run.ToString());
    }

    private static string[] Lines(string text) => text.Replace("\r", "", StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
}
