using RunComfy.Cli.Journal;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Journal;

public sealed class RequestJournalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Folds_the_lines_of_one_request_into_its_latest_state()
    {
        var journal = new RequestJournal(_folder.Combine("data"));
        var t0 = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await journal.AppendAsync(new JournalRecord("r1", "m/a", "submitted", "https://model-api.runcomfy.net/", t0));
        await journal.AppendAsync(new JournalRecord("r2", "m/b", "submitted", "https://model-api.runcomfy.net/", t0.AddMinutes(1)));
        await journal.UpdateStateAsync("r1", "completed");

        var all = await journal.ReadAsync();

        all.Select(r => r.RequestId).ShouldBe(["r1", "r2"]);
        all[0].State.ShouldBe("completed");
        all[0].SubmittedAt.ShouldBe(t0);
        all[0].ModelId.ShouldBe("m/a");
        all[1].State.ShouldBe("submitted");
        (await journal.FindAsync("r2"))!.ModelId.ShouldBe("m/b");
        (await journal.FindAsync("nope")).ShouldBeNull();
    }

    [Fact]
    public async Task Reads_nothing_when_there_is_no_journal_yet() =>
        (await new RequestJournal(_folder.Combine("missing")).ReadAsync()).ShouldBeEmpty();

    [Fact]
    public async Task Skips_a_line_torn_by_a_crash()
    {
        var journal = new RequestJournal(_folder.Path);
        await journal.AppendAsync(new JournalRecord("r1", "m/a", "submitted", "x", DateTimeOffset.UtcNow));
        await File.AppendAllTextAsync(journal.FilePath, "{\"request_id\":\"r2\",\"mod");
        await File.AppendAllTextAsync(journal.FilePath, "\nnot json at all\n");
        await journal.AppendAsync(new JournalRecord("r3", "m/c", "submitted", "x", DateTimeOffset.UtcNow));

        (await journal.ReadAsync()).Select(r => r.RequestId).ShouldBe(["r1", "r3"]);
    }

    [Fact]
    public async Task Keeps_every_line_when_many_writers_append_at_once()
    {
        var journal = new RequestJournal(_folder.Path);
        // Separate instances, like separate processes: each opens the file with an exclusive lock.
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => Task.Run(() =>
            new RequestJournal(_folder.Path).AppendAsync(new JournalRecord($"r{i}", "m/a", "submitted", "x", DateTimeOffset.UtcNow)))));

        var all = await journal.ReadAsync();

        all.Count.ShouldBe(40);
        all.Select(r => r.RequestId).Order().ShouldBe(Enumerable.Range(0, 40).Select(i => $"r{i}").Order());
        (await File.ReadAllLinesAsync(journal.FilePath)).Length.ShouldBe(40);
    }

    [Fact]
    public void Resolves_the_folder_from_option_then_environment_then_user_data()
    {
        JournalLocation.Resolve("/tmp/opt", _ => "/tmp/env").ShouldBe(Path.GetFullPath("/tmp/opt"));
        JournalLocation.Resolve(null, name => name == JournalLocation.EnvironmentVariable ? "/tmp/env" : null).ShouldBe(Path.GetFullPath("/tmp/env"));
        JournalLocation.Resolve(null, _ => null).ShouldEndWith("comfy-schema");
    }
}
