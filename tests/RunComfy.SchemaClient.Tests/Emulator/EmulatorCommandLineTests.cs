using RunComfy.Emulator.Cli;

namespace RunComfy.SchemaClient.Tests.Emulator;

public sealed class EmulatorCommandLineTests
{
    [Fact]
    public void Every_option_is_read()
    {
        var parsed = StandaloneArguments.Parse(
        [
            "--urls", "http://127.0.0.1:5199", "--token", "T", "--schemas", "dir", "--queue-step-ms", "10",
            "--run-ms", "20", "--fault-rate", "0.1", "--seed", "7", "--quiet",
        ]);

        parsed.Urls.ShouldBe("http://127.0.0.1:5199");
        parsed.Token.ShouldBe("T");
        parsed.SchemasDirectory.ShouldBe("dir");
        parsed.QueueStepMilliseconds.ShouldBe(10);
        parsed.RunMilliseconds.ShouldBe(20);
        parsed.FaultRate.ShouldBe(0.1);
        parsed.Seed.ShouldBe(7);
        parsed.Quiet.ShouldBeTrue();
        parsed.Help.ShouldBeFalse();
    }

    [Fact]
    public void Defaults_need_no_options()
    {
        var parsed = StandaloneArguments.Parse([]);
        parsed.Urls.ShouldBe("http://127.0.0.1:5199");
        parsed.Token.ShouldBeNull();
        parsed.FaultRate.ShouldBe(0);
    }

    [Theory]
    [InlineData("--token")]
    [InlineData("--fault-rate", "2")]
    [InlineData("--run-ms", "-1")]
    [InlineData("--bogus")]
    public void Bad_options_are_reported(params string[] args)
    {
        Should.Throw<ArgumentException>(() => StandaloneArguments.Parse(args));
    }
}
