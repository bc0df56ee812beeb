using System.Text.Json;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>status, result and cancel by request id, against a queued job that does not move on its own.</summary>
public sealed class RequestCommandsTests : IAsyncLifetime
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private readonly CliHarness _cli = new();
    private EmulatorServer _emulator = null!;
    private string _id = "";

    public async Task InitializeAsync()
    {
        _emulator = await EmulatorServer.StartAsync(new EmulatorOptions { InitialQueuePosition = 3, QueueStep = TimeSpan.FromMinutes(10) });
        File.WriteAllBytes(_cli.Combine("cat.png"), SampleImages.Png(32, 32));
        var submitted = await _cli.RunAsync("run", Edit, "--no-wait", "--base-address", _emulator.BaseAddress.ToString(), "--token", _emulator.Options.Token,
            "--input", "prompt=p", "--input", "images=@cat.png");
        submitted.ExitCode.ShouldBe(0, submitted.ToString());
        _id = submitted.Out.Trim();
    }

    public async Task DisposeAsync()
    {
        await _emulator.DisposeAsync();
        _cli.Dispose();
    }

    // The emulator is on loopback: its journaled address is used only when given again.
    private string[] Args(params string[] args) => [.. args, "--token", _emulator.Options.Token, "--base-address", _emulator.BaseAddress.ToString()];

    [Fact]
    public async Task Status_shows_the_state_and_queue_position()
    {
        var run = await _cli.RunAsync(Args("status", _id));

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldBe($"{_id}: in_queue (queue position 3){Environment.NewLine}");

        var json = await _cli.RunAsync(Args("status", _id, "--json"));
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("state").GetString().ShouldBe("in_queue");
        document.RootElement.GetProperty("queue_position").GetInt32().ShouldBe(3);
    }

    [Fact]
    public async Task Result_of_an_unfinished_request_says_to_wait_and_exits_75()
    {
        var run = await _cli.RunAsync(Args("result", _id));

        run.ExitCode.ShouldBe(75, run.ToString());
        run.Error.ShouldContain($"comfy-schema wait {_id}");
    }

    [Fact]
    public async Task Cancel_cancels_a_queued_request_then_result_reports_it_cancelled()
    {
        var cancel = await _cli.RunAsync(Args("cancel", _id));

        cancel.ExitCode.ShouldBe(0, cancel.ToString());
        cancel.Out.ShouldContain("cancelled");
        _emulator.Stats.JobsCancelled.ShouldBe(1);

        var result = await _cli.RunAsync(Args("result", _id));
        result.ExitCode.ShouldBe(1, result.ToString());
        result.Error.ShouldContain("was cancelled");

        var listed = await _cli.RunAsync("requests", "--json");
        using var document = JsonDocument.Parse(listed.Out);
        document.RootElement.GetProperty("requests")[0].GetProperty("state").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task An_unknown_request_id_is_a_4xx_and_exits_65()
    {
        var run = await _cli.RunAsync("status", "no-such-request", "--base-address", _emulator.BaseAddress.ToString(), "--token", _emulator.Options.Token);

        run.ExitCode.ShouldBe(65, run.ToString());
    }

    [Fact]
    public async Task Errors_are_one_json_document_with_json()
    {
        var run = await _cli.RunAsync("status", "no-such-request", "--json", "--base-address", _emulator.BaseAddress.ToString(), "--token", _emulator.Options.Token);

        using var document = JsonDocument.Parse(run.Out);
        var error = document.RootElement.GetProperty("error");
        error.GetProperty("exit_code").GetInt32().ShouldBe(65);
        error.GetProperty("http_status").GetInt32().ShouldBe(404);
    }
}
