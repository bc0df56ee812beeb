using RunComfy.Emulator;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>Ctrl-C (a cancelled token): a queued job is cancelled, a running one is left running with a hint.</summary>
public sealed class InterruptTests : IDisposable
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private readonly CliHarness _cli = new();

    public InterruptTests() => File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ctrl_c_while_queued_cancels_the_job_and_says_so()
    {
        // The job stays queued for minutes: Ctrl-C is sure to find it there.
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { InitialQueuePosition = 5, QueueStep = TimeSpan.FromMinutes(5) });
        using var ctrlC = new CancellationTokenSource();
        var running = _cli.RunAsync(
            ["run", Edit, "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token, "--input", "prompt=p", "--input", "images=@cat.png"],
            ctrlC.Token);

        // Submitted and being watched: Ctrl-C now.
        await WaitUntilAsync(() => emulator.Stats.StatusCalls >= 1);
        await ctrlC.CancelAsync();
        var run = await running;

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("cancelled");
        run.Error.ShouldContain("while it was still queued");
        emulator.Stats.JobsCancelled.ShouldBe(1);
        (await File.ReadAllTextAsync(_cli.JournalPath)).ShouldContain("\"state\":\"cancelled\"");
    }

    [Fact]
    public async Task Ctrl_c_while_running_leaves_the_job_running_and_says_how_to_fetch_it()
    {
        await using var emulator = await EmulatorServer.StartAsync(new EmulatorOptions { InitialQueuePosition = 0, RunDuration = TimeSpan.FromMinutes(5) });
        using var ctrlC = new CancellationTokenSource();
        var running = _cli.RunAsync(
            ["run", Edit, "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token, "--input", "prompt=p", "--input", "images=@cat.png"],
            ctrlC.Token);

        // Two status calls: the first answer (in_progress) has been seen by the CLI before the second is made.
        await WaitUntilAsync(() => emulator.Stats.StatusCalls >= 2);
        await ctrlC.CancelAsync();
        var run = await running;

        run.ExitCode.ShouldBe(130, run.ToString());
        run.Error.ShouldContain("already running and cannot be cancelled; it runs on");
        run.Error.ShouldContain("comfy-schema wait ");
        emulator.Stats.CancelCalls.ShouldBe(0);
        emulator.Stats.JobsCancelled.ShouldBe(0);
    }

    [Fact]
    public async Task Ctrl_c_after_the_job_started_reports_that_it_could_not_be_cancelled()
    {
        // The job skips the queue, but the first status answer hangs: the CLI still believes the job
        // is queued when Ctrl-C comes, asks to cancel it, and the API answers not_cancellable.
        var options = new EmulatorOptions { InitialQueuePosition = 0, RunDuration = TimeSpan.FromMinutes(5) };
        options.Faults.SlowAnswerDelay = TimeSpan.FromMinutes(5);
        options.Faults.Enqueue(EmulatorEndpoint.Status, FaultKind.SlowAnswer, FaultTiming.BeforeAccept);
        await using var emulator = await EmulatorServer.StartAsync(options);
        using var ctrlC = new CancellationTokenSource();
        var running = _cli.RunAsync(
            ["run", Edit, "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token, "--input", "prompt=p", "--input", "images=@cat.png"],
            ctrlC.Token);

        await WaitUntilAsync(() => emulator.Stats.StatusCalls >= 1);
        await ctrlC.CancelAsync();
        var run = await running;

        run.ExitCode.ShouldBe(130, run.ToString());
        run.Error.ShouldContain("can no longer be cancelled; it runs on");
        emulator.Stats.CancelCalls.ShouldBe(1);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // A safety net only: the condition normally holds within a second.
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        while (!condition())
        {
            await Task.Delay(20, timeout.Token);
        }
    }
}
