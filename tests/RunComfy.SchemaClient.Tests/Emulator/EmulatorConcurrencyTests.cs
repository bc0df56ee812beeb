using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Tests.Emulator;

public sealed class EmulatorConcurrencyTests
{
    [Fact]
    public async Task Submissions_are_counted_per_exact_body()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var body = EmulatorHarness.EditBody("twice");

        await emulator.SubmitOkAsync(body);
        emulator.Server.GetSubmissionCount(body).ShouldBe(1);
        emulator.Server.DuplicateSubmissions.ShouldBe(0);
        await emulator.SubmitOkAsync(body);
        emulator.Server.GetSubmissionCount(body).ShouldBe(2);
        emulator.Server.DuplicateSubmissions.ShouldBe(1);
        await emulator.SubmitOkAsync(body);
        emulator.Server.DuplicateSubmissions.ShouldBe(1);

        // Whitespace makes a different body: counting is exact, as sent.
        emulator.Server.GetSubmissionCount(body + " ").ShouldBe(0);
        emulator.Server.TotalSubmissions.ShouldBe(3);
    }

    [Fact]
    public async Task Sixty_four_clients_run_jobs_at_once_and_every_job_is_counted_once()
    {
        const int clients = 64;
        const int jobsPerClient = 4;
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.TimeProvider = TimeProvider.System;
            o.InitialQueuePosition = 1;
            o.QueueStep = TimeSpan.FromMilliseconds(10);
            o.RunDuration = TimeSpan.FromMilliseconds(10);
        });

        var results = await Task.WhenAll(Enumerable.Range(0, clients).Select(client => Task.Run(async () =>
        {
            var finished = 0;
            for (var job = 0; job < jobsPerClient; job++)
            {
                var id = await emulator.SubmitOkAsync(EmulatorHarness.EditBody($"client {client} job {job}"));
                while ((await emulator.StatusAsync(id)).Body.GetProperty("status").GetString() != "completed") await Task.Delay(5);
                var (_, result) = await emulator.ResultAsync(id);
                var url = result.GetProperty("output").GetProperty("image").GetString()!;
                (await emulator.Http.GetByteArrayAsync(url)).Length.ShouldBeGreaterThan(8);
                finished++;
            }
            return finished;
        })));

        results.Sum().ShouldBe(clients * jobsPerClient);
        emulator.Server.TotalSubmissions.ShouldBe(clients * jobsPerClient);
        emulator.Server.DuplicateSubmissions.ShouldBe(0);
        emulator.Server.Stats.SubmitCalls.ShouldBe(clients * jobsPerClient);
        emulator.Server.Stats.ResultCalls.ShouldBe(clients * jobsPerClient);
        emulator.Server.Stats.GetCalls(EmulatorEndpoint.File).ShouldBe(clients * jobsPerClient);
    }
}
