namespace RunComfy.SchemaClient.Tests.Batch;

/// <summary>The standalone emulator's <c>--workers</c> switch.</summary>
public sealed class EmulatorWorkersSwitchTests
{
    [Fact]
    public void Workers_is_read_and_a_zero_is_refused()
    {
        RunComfy.Emulator.Cli.StandaloneArguments.Parse(["--workers", "8"]).Workers.ShouldBe(8);
        RunComfy.Emulator.Cli.StandaloneArguments.Parse([]).Workers.ShouldBeNull();
        Should.Throw<ArgumentException>(() => RunComfy.Emulator.Cli.StandaloneArguments.Parse(["--workers", "0"])).Message.ShouldContain("--workers");
        RunComfy.Emulator.Cli.StandaloneArguments.Usage.ShouldContain("--workers <n>");
    }
}
