using System.Text;
using RunComfy.Cli.Batch;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Batch;

/// <summary>The batch journal survives a kill at any point: cut at every byte, it never leads to a second submit of a line that was sent.</summary>
public sealed class BatchJournalTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Cut_at_every_byte_the_journal_never_resubmits_a_sent_line_and_never_loses_a_known_id()
    {
        var path = _folder.Combine("batches", "b.jsonl");
        // The order a real run writes: 'submitting' is on the disk before the submit is sent.
        BatchRecord[] records =
        [
            new(1, BatchLineState.Submitting, ModelId: "m"),
            new(2, BatchLineState.Submitting, ModelId: "m"),
            new(1, BatchLineState.Submitted, "id-1", "m"),
            new(3, BatchLineState.Submitting, ModelId: "m"),
            new(1, BatchLineState.Completed, "id-1", "m", ["https://x/1.png"]),
            new(2, BatchLineState.Submitted, "id-2", "m"),
            new(3, BatchLineState.Cancelled, "id-3", "m"),
            new(4, BatchLineState.Submitting, ModelId: "m"),
            new(4, BatchLineState.OutcomeUnknown, ModelId: "m", Error: "dropped"),
        ];
        var ends = new List<int>();
        await using (var journal = BatchJournal.Open(path))
        {
            foreach (var record in records)
            {
                await journal.AppendAsync(record);
                ends.Add((int)new FileInfo(path).Length);
            }
        }

        var full = await File.ReadAllBytesAsync(path);
        for (var cut = 0; cut <= full.Length; cut++)
        {
            var whole = ends.Count(end => end <= cut);
            var states = BatchJournal.Fold(BatchJournal.Parse(full.AsSpan(0, cut)));
            states.Values.Sum(_ => 1).ShouldBeLessThanOrEqualTo(4);
            foreach (var line in new long[] { 1, 2, 3, 4 })
            {
                var written = records.Take(whole).Where(r => r.Line == line).ToList();
                var action = BatchResumePlan.Decide(states.GetValueOrDefault(line), resubmitUnknown: false);
                var context = $"cut at byte {cut} of {full.Length}, line {line}, {written.Count} whole record(s) of it";
                if (written.Count == 0)
                {
                    // Its 'submitting' record is not whole: the submit had not been sent yet.
                    action.ShouldBe(BatchLineAction.Submit, context);
                    continue;
                }

                var last = written[^1];
                var expected = last.State switch
                {
                    BatchLineState.Completed => BatchLineAction.Skip,
                    BatchLineState.Submitted => BatchLineAction.Resume,
                    BatchLineState.Cancelled => BatchLineAction.Submit,
                    _ => BatchLineAction.ListUnknown,
                };
                action.ShouldBe(expected, context);
                if (action == BatchLineAction.Resume) states[line].RequestId.ShouldBe(last.RequestId, context);
            }
        }
    }

    [Fact]
    public async Task A_rerun_after_a_torn_line_appends_on_a_line_of_its_own()
    {
        var path = _folder.Combine("batches", "torn.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllTextAsync(path, "{\"line\":1,\"state\":\"submitting\"}\n{\"line\":1,\"state\":\"subm");

        await using (var journal = BatchJournal.Open(path))
        {
            (await journal.ReadAsync(CancellationToken.None)).ShouldHaveSingleItem().State.ShouldBe(BatchLineState.Submitting);
            await journal.AppendAsync(new BatchRecord(2, BatchLineState.Submitting));
            var records = await journal.ReadAsync(CancellationToken.None);
            records.Select(r => (r.Line, r.State)).ShouldBe([(1L, BatchLineState.Submitting), (2L, BatchLineState.Submitting)]);
        }

        Encoding.UTF8.GetString(await File.ReadAllBytesAsync(path)).Split('\n').Length.ShouldBe(4);
    }

    [Fact]
    public async Task One_process_owns_a_batch_at_a_time()
    {
        var path = _folder.Combine("batches", "owned.jsonl");
        await using var first = BatchJournal.Open(path);

        var refused = Should.Throw<RunComfy.Cli.Exit.CliException>(() => BatchJournal.Open(path));
        refused.Message.ShouldContain("Another comfy-schema process is running this batch");

        await using var other = BatchJournal.Open(_folder.Combine("batches", "another.jsonl"));
        await other.AppendAsync(new BatchRecord(1, BatchLineState.Submitting));
    }

    [Fact]
    public void The_journal_is_named_by_the_model_and_the_input_files_bytes()
    {
        var a = BatchJournal.PathFor("/d", "m", "x\n"u8.ToArray());
        a.ShouldBe(BatchJournal.PathFor("/d", "m", "x\n"u8.ToArray()));
        a.ShouldNotBe(BatchJournal.PathFor("/d", "m", "y\n"u8.ToArray()));
        a.ShouldNotBe(BatchJournal.PathFor("/d", "n", "x\n"u8.ToArray()));
    }
}
