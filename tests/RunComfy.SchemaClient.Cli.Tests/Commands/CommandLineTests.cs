using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

public sealed class CommandLineTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Theory]
    [InlineData("run")]
    [InlineData("run", "m", "--bogus")]
    [InlineData("wait")]
    [InlineData("frobnicate")]
    [InlineData("run", "m", "--timeout", "soon")]
    [InlineData("run", "m", "--max-download-mb", "0")]
    public async Task A_malformed_command_line_exits_64(params string[] args)
    {
        var run = await _cli.RunAsync(args);

        run.ExitCode.ShouldBe(64, run.ToString());
        run.Error.ShouldContain("--help");
    }

    [Fact]
    public async Task Help_lists_every_command()
    {
        var run = await _cli.RunAsync("--help");

        run.ExitCode.ShouldBe(0);
        foreach (var command in new[] { "run", "models", "status", "result", "wait", "cancel", "requests" })
        {
            run.Out.ShouldContain($"  {command} ");
        }
    }

    [Fact]
    public async Task An_unknown_model_is_bad_input_and_names_the_known_ones()
    {
        var run = await _cli.RunAsync("run", "nobody/nothing", "--emulator", "--input", "prompt=x");

        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("bytedance/seedream-4-0/edit");
    }

    [Fact]
    public async Task Without_a_token_the_cli_says_how_to_give_one_and_exits_77()
    {
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(64, 64));

        var run = await _cli.RunAsync("run", "bytedance/seedream-4-0/edit", "--input", "prompt=a cat", "--input", "images=@cat.png");

        run.ExitCode.ShouldBe(77, run.ToString());
        run.Error.ShouldContain("RUNCOMFY_API_TOKEN");
        run.Error.ShouldContain("--emulator");
    }

    [Theory]
    [InlineData("90s", 90)]
    [InlineData("90", 90)]
    [InlineData("10m", 600)]
    [InlineData("1.5h", 5400)]
    public void Timeouts_read_seconds_minutes_and_hours(string text, int seconds)
    {
        RunComfy.Cli.Commands.TimeoutOption.TryParse(text, out var value).ShouldBeTrue();
        value.ShouldBe(TimeSpan.FromSeconds(seconds));
    }

    [Theory]
    [InlineData(new string[0], 1800.0)]
    [InlineData(new[] { "--timeout", "90s" }, 90.0)]
    [InlineData(new[] { "--timeout", "0" }, -1.0)]
    public void The_timeout_defaults_to_30_minutes_only_when_not_given(string[] args, double seconds)
    {
        var option = RunComfy.Cli.Commands.TimeoutOption.Create();
        var command = new System.CommandLine.RootCommand { option };

        var value = RunComfy.Cli.Commands.TimeoutOption.Read(command.Parse(args), option);

        value.ShouldBe(seconds < 0 ? null : TimeSpan.FromSeconds(seconds));
    }

    [Fact]
    public void A_zero_timeout_means_no_limit()
    {
        RunComfy.Cli.Commands.TimeoutOption.TryParse("0", out var value).ShouldBeTrue();
        value.ShouldBeNull();
    }
}
