using System.Text.Json;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>
/// Ctrl-C while a submit is in flight: the id of a job the server may already have taken must not be
/// lost. The first Ctrl-C waits for it, a second abandons the submit (exit 76), and the journal lists
/// the submit before its answer comes.
/// </summary>
public sealed class SubmitInFlightTests : IDisposable
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private const string Token = "tok-in-flight";
    private readonly CliHarness _cli = new();

    public SubmitInFlightTests() => File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));

    public void Dispose() => _cli.Dispose();

    private string[] RunArgs(Uri api) =>
        ["run", Edit, "--base-address", api.ToString(), "--token", Token, "--input", "prompt=a secret cat", "--input", "images=@cat.png"];

    [Fact]
    public async Task First_ctrl_c_waits_for_the_request_id_then_cancels_the_queued_job()
    {
        await using var api = await GatedApi.StartAsync();
        using var ctrlC = new CancellationTokenSource();
        var running = _cli.RunAsync(RunArgs(api.BaseAddress), ctrlC.Token);

        await WaitUntilAsync(() => api.Submits >= 1);
        // The journal lists the submit before its answer: a crash now would still show it.
        var pending = (await ListedAsync()).Single();
        pending.GetProperty("state").GetString().ShouldBe("submitting");
        pending.GetProperty("request_id").ValueKind.ShouldBe(JsonValueKind.Null);

        await ctrlC.CancelAsync();
        running.IsCompleted.ShouldBeFalse();
        api.ReleaseSubmit();
        var run = await running;

        run.ExitCode.ShouldBe(1, run.ToString());
        run.Error.ShouldContain("Submit in flight, waiting for its request id; press Ctrl-C again to abandon (the job may exist).");
        run.Error.ShouldContain($"cancelled {GatedApi.RequestId} while it was still queued");
        api.Cancels.ShouldBe(1);
        var entry = (await ListedAsync()).Single();
        entry.GetProperty("request_id").GetString().ShouldBe(GatedApi.RequestId);
        entry.GetProperty("state").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task Second_ctrl_c_abandons_the_submit_with_exit_76_and_journals_an_unknown_outcome()
    {
        await using var api = await GatedApi.StartAsync();
        using var ctrlC = new CancellationTokenSource();
        using var secondCtrlC = new CancellationTokenSource();
        var running = _cli.RunAsync(RunArgs(api.BaseAddress), ctrlC.Token, secondCtrlC.Token);

        await WaitUntilAsync(() => api.Submits >= 1);
        await ctrlC.CancelAsync();
        await secondCtrlC.CancelAsync();
        var run = await running;

        run.ExitCode.ShouldBe(76, run.ToString());
        run.Error.ShouldContain("Abandoned the submit while it was in flight");
        run.Error.ShouldContain("Never retry it automatically");
        run.Error.ShouldContain("comfy-schema requests");
        api.Cancels.ShouldBe(0);
        var entry = (await ListedAsync()).Single();
        entry.GetProperty("request_id").ValueKind.ShouldBe(JsonValueKind.Null);
        entry.GetProperty("state").GetString().ShouldBe("outcome_unknown");
        entry.GetProperty("model_id").GetString().ShouldBe(Edit);
        entry.GetProperty("base_address").GetString().ShouldBe(api.BaseAddress.ToString());
        var journal = await File.ReadAllTextAsync(_cli.JournalPath);
        journal.ShouldNotContain(Token);
        journal.ShouldNotContain("secret");

        var table = await _cli.RunAsync("requests");
        table.Out.ShouldContain("(unknown)");
        table.Out.ShouldContain("Never resubmit it blindly: check your RunComfy account.");
    }

    [Fact]
    public async Task A_submit_that_never_answers_is_given_up_after_the_cli_bound_with_exit_76()
    {
        await using var api = await GatedApi.StartAsync();
        // A bound, not a timing assertion: the answer never comes, whatever the bound.
        _cli.SubmitTimeout = TimeSpan.FromSeconds(1);

        var run = await _cli.RunAsync(RunArgs(api.BaseAddress));

        run.ExitCode.ShouldBe(76, run.ToString());
        run.Error.ShouldContain("got no answer within 1s");
        run.Error.ShouldContain("Never retry it automatically");
        (await ListedAsync()).Single().GetProperty("state").GetString().ShouldBe("outcome_unknown");
    }

    [Fact]
    public async Task A_submit_whose_connection_drops_after_it_was_taken_exits_76_not_75()
    {
        var options = new EmulatorOptions();
        options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.DropConnection, FaultTiming.AfterAccept);
        await using var emulator = await EmulatorServer.StartAsync(options);

        var run = await _cli.RunAsync("run", Edit, "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token,
            "--input", "prompt=p", "--input", "images=@cat.png");

        run.ExitCode.ShouldBe(76, run.ToString());
        run.Error.ShouldContain("Never retry it automatically");
        emulator.Stats.SubmitCalls.ShouldBe(1);
        (await ListedAsync()).Single().GetProperty("state").GetString().ShouldBe("outcome_unknown");
    }

    [Fact]
    public async Task A_refused_submit_is_journaled_as_not_submitted()
    {
        var options = new EmulatorOptions();
        options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.NoBalance);
        await using var emulator = await EmulatorServer.StartAsync(options);

        var run = await _cli.RunAsync("run", Edit, "--base-address", emulator.BaseAddress.ToString(), "--token", emulator.Options.Token,
            "--input", "prompt=p", "--input", "images=@cat.png");

        run.ExitCode.ShouldBe(65, run.ToString());
        (await ListedAsync()).Single().GetProperty("state").GetString().ShouldBe("not_submitted");
    }

    private async Task<List<JsonElement>> ListedAsync()
    {
        var listed = await _cli.RunAsync("requests", "--json");
        listed.ExitCode.ShouldBe(0, listed.ToString());
        return [.. JsonDocument.Parse(listed.Out).RootElement.GetProperty("requests").EnumerateArray()];
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
