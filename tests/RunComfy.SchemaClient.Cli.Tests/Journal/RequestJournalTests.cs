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
    public async Task Skips_a_line_torn_by_a_crash_and_keeps_the_record_appended_after_it()
    {
        var journal = new RequestJournal(_folder.Path);
        await journal.AppendAsync(new JournalRecord("r1", "m/a", "submitted", "x", DateTimeOffset.UtcNow));
        // A crash mid-write: a fragment with no newline after it.
        await File.AppendAllTextAsync(journal.FilePath, "{\"request_id\":\"r2\",\"mod");
        await journal.AppendAsync(new JournalRecord("r3", "m/c", "submitted", "x", DateTimeOffset.UtcNow));
        await File.AppendAllTextAsync(journal.FilePath, "not json at all\n");
        await journal.AppendAsync(new JournalRecord("r4", "m/d", "submitted", "x", DateTimeOffset.UtcNow));

        (await journal.ReadAsync()).Select(r => r.RequestId).ShouldBe(["r1", "r3", "r4"]);
        (await File.ReadAllLinesAsync(journal.FilePath)).Length.ShouldBe(5);
    }

    [Fact]
    public async Task Folds_a_submit_recorded_before_its_answer_with_its_request_id_and_later_states()
    {
        var journal = new RequestJournal(_folder.Path);
        var t0 = new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero);
        await journal.AppendAsync(new JournalRecord(null, "m/a", "submitting", "https://api/", t0) { SubmitId = "s1" });
        await journal.AppendAsync(new JournalRecord(null, "m/b", "submitting", "https://api/", t0.AddSeconds(1)) { SubmitId = "s2" });
        await journal.AppendAsync(new JournalRecord("r1", "m/a", "submitted", "https://api/", t0.AddSeconds(2)) { SubmitId = "s1" });
        await journal.AppendAsync(new JournalRecord(null, "m/b", "outcome_unknown", "https://api/", t0.AddSeconds(3)) { SubmitId = "s2" });
        await journal.UpdateStateAsync("r1", "completed");

        var all = await journal.ReadAsync();

        all.Count.ShouldBe(2);
        all[0].RequestId.ShouldBe("r1");
        all[0].State.ShouldBe("completed");
        all[0].SubmittedAt.ShouldBe(t0);
        all[1].RequestId.ShouldBeNull();
        all[1].ModelId.ShouldBe("m/b");
        all[1].State.ShouldBe("outcome_unknown");
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
