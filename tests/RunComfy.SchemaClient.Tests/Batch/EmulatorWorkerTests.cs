using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Emulator;

namespace RunComfy.SchemaClient.Tests.Batch;

/// <summary>The emulator's limited capacity (<see cref="EmulatorOptions.Workers"/>): one FIFO queue, positions = jobs ahead.</summary>
public sealed class EmulatorWorkerTests
{
    [Fact]
    public async Task Jobs_wait_in_order_and_start_as_workers_free()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.Workers = 2;
            o.RunDuration = TimeSpan.FromSeconds(10);
        });
        var ids = new List<string>();
        for (var i = 0; i < 5; i++) ids.Add(await emulator.SubmitOkAsync());

        (await StatesAsync(emulator, ids)).ShouldBe(["in_progress", "in_progress", "in_queue:0", "in_queue:1", "in_queue:2"]);

        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        (await StatesAsync(emulator, ids)).ShouldBe(["completed", "completed", "in_progress", "in_progress", "in_queue:0"]);

        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        (await StatesAsync(emulator, ids)).ShouldBe(["completed", "completed", "completed", "completed", "in_progress"]);

        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        (await StatesAsync(emulator, ids)).ShouldAllBe(state => state == "completed");
    }

    [Fact]
    public async Task A_cancelled_job_leaves_the_queue_and_those_behind_move_up()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.Workers = 1;
            o.RunDuration = TimeSpan.FromSeconds(5);
        });
        var ids = new List<string>();
        for (var i = 0; i < 4; i++) ids.Add(await emulator.SubmitOkAsync());

        var (status, body) = await emulator.CancelAsync(ids[1]);
        status.ShouldBe(200);
        body.GetProperty("outcome").GetString().ShouldBe("cancelled");
        (await emulator.CancelAsync(ids[0])).Body.GetProperty("outcome").GetString().ShouldBe("not_cancellable");

        (await StatesAsync(emulator, ids)).ShouldBe(["in_progress", "cancelled", "in_queue:0", "in_queue:1"]);
        emulator.Clock.Advance(TimeSpan.FromSeconds(5));
        (await StatesAsync(emulator, ids)).ShouldBe(["completed", "cancelled", "in_progress", "in_queue:0"]);
        emulator.Server.Stats.JobsCancelled.ShouldBe(1);
    }

    [Fact]
    public async Task A_job_submitted_to_an_idle_pool_after_a_long_gap_starts_at_once()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.Workers = 1;
            o.RunDuration = TimeSpan.FromSeconds(2);
        });
        var first = await emulator.SubmitOkAsync();
        emulator.Clock.Advance(TimeSpan.FromSeconds(30));
        var second = await emulator.SubmitOkAsync();

        (await StatesAsync(emulator, [first, second])).ShouldBe(["completed", "in_progress"]);
        emulator.Clock.Advance(TimeSpan.FromSeconds(2));
        (await StatesAsync(emulator, [second])).ShouldBe(["completed"]);
    }

    [Fact]
    public async Task The_busiest_second_of_status_calls_is_counted()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.Workers = 4);
        var id = await emulator.SubmitOkAsync();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 5; i++) (await emulator.StatusAsync(id)).Status.ShouldBe(200);
        clock.Stop();

        // Five calls spread over at most (elapsed + 1) calendar seconds: the busiest one holds at least its share.
        var seconds = (int)Math.Floor(clock.Elapsed.TotalSeconds) + 2;
        emulator.Server.Stats.StatusCallsPerSecond.Peak.ShouldBeInRange((5 + seconds - 1) / seconds, 5);
        emulator.Server.Stats.StatusCallsPerSecond.Reset();
        emulator.Server.Stats.StatusCallsPerSecond.Peak.ShouldBe(0);
    }

    private static async Task<string[]> StatesAsync(EmulatorHarness emulator, IReadOnlyList<string> ids)
    {
        var states = new string[ids.Count];
        for (var i = 0; i < ids.Count; i++)
        {
            var (status, body) = await emulator.StatusAsync(ids[i]);
            status.ShouldBe(200);
            var state = body.GetProperty("status").GetString()!;
            states[i] = body.TryGetProperty("queue_position", out var position) ? $"{state}:{position.GetInt32()}" : state;
        }

        return states;
    }
}
