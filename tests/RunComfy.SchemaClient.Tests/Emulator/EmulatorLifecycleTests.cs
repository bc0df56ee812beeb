using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Tests.Emulator;

public sealed class EmulatorLifecycleTests
{
    [Fact]
    public async Task Submit_answers_the_request_id_and_its_urls()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        using var response = await emulator.SubmitAsync(EmulatorHarness.EditBody());
        var body = await EmulatorHarness.ReadJsonAsync(response);

        ((int)response.StatusCode).ShouldBe(200);
        var id = body.GetProperty("request_id").GetString()!;
        Guid.TryParse(id, out _).ShouldBeTrue();
        body.GetProperty("status_url").GetString().ShouldBe($"{emulator.Server.BaseAddress}v1/requests/{id}/status");
        body.GetProperty("result_url").GetString().ShouldBe($"{emulator.Server.BaseAddress}v1/requests/{id}/result");
        body.GetProperty("cancel_url").GetString().ShouldBe($"{emulator.Server.BaseAddress}v1/requests/{id}/cancel");
        body.TryGetProperty("status", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task A_job_counts_down_its_queue_position_then_runs_then_completes()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();

        var (status, body) = await emulator.StatusAsync(id);
        status.ShouldBe(200);
        body.GetProperty("status").GetString().ShouldBe("in_queue");
        body.GetProperty("queue_position").GetInt32().ShouldBe(2);
        body.GetProperty("request_id").GetString().ShouldBe(id);
        body.GetProperty("status_url").GetString().ShouldEndWith($"/v1/requests/{id}/status");
        body.GetProperty("result_url").GetString().ShouldEndWith($"/v1/requests/{id}/result");

        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        (_, body) = await emulator.StatusAsync(id);
        body.GetProperty("status").GetString().ShouldBe("in_queue");
        body.GetProperty("queue_position").GetInt32().ShouldBe(1);

        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        (_, body) = await emulator.StatusAsync(id);
        body.GetProperty("status").GetString().ShouldBe("in_progress");
        body.TryGetProperty("queue_position", out _).ShouldBeFalse();

        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        (_, body) = await emulator.StatusAsync(id);
        body.GetProperty("status").GetString().ShouldBe("completed");
        body.TryGetProperty("queue_position", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task The_result_of_a_completed_job_has_an_image_url_and_times_and_cost_on_request()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();
        emulator.Clock.Advance(TimeSpan.FromSeconds(3));

        var (status, body) = await emulator.ResultAsync(id);
        status.ShouldBe(200);
        body.GetProperty("status").GetString().ShouldBe("completed");
        body.GetProperty("output").GetProperty("image").GetString().ShouldStartWith(emulator.Server.BaseAddress.ToString());
        DateTimeOffset.Parse(body.GetProperty("created_at").GetString()!).ShouldBe(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        DateTimeOffset.Parse(body.GetProperty("finished_at").GetString()!).ShouldBe(new DateTimeOffset(2025, 1, 1, 0, 0, 3, TimeSpan.Zero));
        body.TryGetProperty("cost", out _).ShouldBeFalse();

        (_, body) = await emulator.ResultAsync(id, includeCost: true);
        body.GetProperty("cost").GetDecimal().ShouldBe(0.03m);
    }

    [Fact]
    public async Task The_result_before_completion_answers_the_current_state_by_default()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();

        var (status, body) = await emulator.ResultAsync(id);
        status.ShouldBe(200);
        body.GetProperty("status").GetString().ShouldBe("in_queue");
        body.GetProperty("queue_position").GetInt32().ShouldBe(2);
        body.TryGetProperty("output", out _).ShouldBeFalse();

        emulator.Clock.Advance(TimeSpan.FromSeconds(2));
        (status, body) = await emulator.ResultAsync(id);
        status.ShouldBe(200);
        body.GetProperty("status").GetString().ShouldBe("in_progress");
    }

    [Fact]
    public async Task The_result_before_completion_answers_400005_in_that_mode()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.ResultBeforeCompletionAs400005 = true);
        var id = await emulator.SubmitOkAsync();

        var (status, body) = await emulator.ResultAsync(id);
        status.ShouldBe(400);
        body.GetProperty("error_code").GetInt32().ShouldBe(400005);
        body.GetProperty("error_message").GetString().ShouldNotBeNullOrEmpty();

        emulator.Clock.Advance(TimeSpan.FromSeconds(3));
        (status, body) = await emulator.ResultAsync(id);
        status.ShouldBe(200);
        body.GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task Cancel_while_queued_cancels_and_the_job_stays_cancelled()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();
        emulator.Clock.Advance(TimeSpan.FromSeconds(1));

        var (status, body) = await emulator.CancelAsync(id);
        status.ShouldBe(200);
        body.GetProperty("request_id").GetString().ShouldBe(id);
        body.GetProperty("status").GetString().ShouldBe("cancelled");
        body.GetProperty("outcome").GetString().ShouldBe("cancelled");

        emulator.Clock.Advance(TimeSpan.FromSeconds(10));
        (_, body) = await emulator.StatusAsync(id);
        body.GetProperty("status").GetString().ShouldBe("cancelled");
        (status, body) = await emulator.ResultAsync(id);
        status.ShouldBe(200);
        body.GetProperty("status").GetString().ShouldBe("cancelled");
        body.TryGetProperty("output", out _).ShouldBeFalse();
        emulator.Server.Stats.JobsCancelled.ShouldBe(1);

        (_, body) = await emulator.CancelAsync(id);
        body.GetProperty("outcome").GetString().ShouldBe("cancelled");
        emulator.Server.Stats.JobsCancelled.ShouldBe(1);
    }

    [Fact]
    public async Task Cancel_while_running_is_not_cancellable_and_the_job_runs_on()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();
        emulator.Clock.Advance(TimeSpan.FromSeconds(2.5));

        var (status, body) = await emulator.CancelAsync(id);
        status.ShouldBe(200);
        body.GetProperty("outcome").GetString().ShouldBe("not_cancellable");
        body.GetProperty("status").GetString().ShouldBe("in_progress");

        emulator.Clock.Advance(TimeSpan.FromSeconds(1));
        (_, body) = await emulator.ResultAsync(id);
        body.GetProperty("status").GetString().ShouldBe("completed");
        emulator.Server.Stats.JobsCancelled.ShouldBe(0);
    }

    [Fact]
    public async Task Cancel_after_completion_is_not_cancellable()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();
        emulator.Clock.Advance(TimeSpan.FromSeconds(5));

        var (_, body) = await emulator.CancelAsync(id);
        body.GetProperty("outcome").GetString().ShouldBe("not_cancellable");
        body.GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task A_job_with_no_queue_starts_in_progress()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.InitialQueuePosition = 0);
        var id = await emulator.SubmitOkAsync();

        var (_, body) = await emulator.StatusAsync(id);
        body.GetProperty("status").GetString().ShouldBe("in_progress");
        (_, body) = await emulator.CancelAsync(id);
        body.GetProperty("outcome").GetString().ShouldBe("not_cancellable");
    }

    [Fact]
    public async Task Timings_are_fixed_when_a_job_is_accepted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();
        emulator.Options.QueueStep = TimeSpan.FromHours(1);

        emulator.Clock.Advance(TimeSpan.FromSeconds(3));
        var (_, body) = await emulator.StatusAsync(id);
        body.GetProperty("status").GetString().ShouldBe("completed");
    }

    [Fact]
    public async Task Jobs_move_on_the_real_clock_with_short_timings()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.TimeProvider = TimeProvider.System;
            o.QueueStep = TimeSpan.FromMilliseconds(20);
            o.RunDuration = TimeSpan.FromMilliseconds(20);
        });
        var id = await emulator.SubmitOkAsync();

        // Polls until done; the deadline is only a safety net for a loaded machine.
        var seen = new List<string>();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (true)
        {
            var (_, body) = await emulator.StatusAsync(id);
            var state = body.GetProperty("status").GetString()!;
            if (seen.Count == 0 || seen[^1] != state) seen.Add(state);
            if (state == "completed") break;
            await Task.Delay(5, deadline.Token);
        }
        seen[^1].ShouldBe("completed");
        seen.ShouldBeSubsetOf(["in_queue", "in_progress", "completed"]);
    }
}
