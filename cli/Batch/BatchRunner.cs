using RunComfy.Cli.Connection;
using RunComfy.Downloads;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Rendering;
using Spectre.Console;

namespace RunComfy.Cli.Batch;

/// <summary>What a batch command asked for, once parsed.</summary>
internal sealed record BatchSettings(
    int Concurrency,
    double MaxPollsPerSecond,
    double SubmitsPerSecond,
    string? ResultsPath,
    string? OutputDirectory,
    long MaxDownloadBytes,
    bool ResubmitUnknown)
{
    /// <summary>Origins trusted besides RunComfy's hosts and the API's own (<c>--trust-origin</c>).</summary>
    public IReadOnlyList<Uri> TrustedOrigins { get; init; } = [];
}

/// <summary>
/// Runs the lines of one batch through <see cref="RunComfyClient.RunBatchAsync(IAsyncEnumerable{BatchInput}, BatchOptions?, CancellationToken)"/>,
/// journaling every step: lines already finished are skipped, lines submitted earlier are waited for, and a line whose
/// submit may have been accepted is listed and never sent again unless <see cref="BatchSettings.ResubmitUnknown"/>.
/// </summary>
internal sealed class BatchRunner(CliContext context, ClientSession session, BatchJournal journal, BatchSettings settings)
{
    public async Task<int> RunAsync(IReadOnlyList<BatchLine> lines, CancellationToken interrupt)
    {
        var states = BatchJournal.Fold(await journal.ReadAsync(interrupt));
        var inputs = new List<BatchInput>();
        var unknown = new List<BatchLine>();
        var finishedBefore = 0;
        foreach (var line in lines)
        {
            var state = states.GetValueOrDefault(line.Line);
            switch (BatchResumePlan.Decide(state, settings.ResubmitUnknown))
            {
                case BatchLineAction.Skip:
                    finishedBefore++;
                    break;
                case BatchLineAction.Resume:
                    inputs.Add(BatchInput.Resume(line.Line, state!.RequestId!));
                    break;
                case BatchLineAction.ListUnknown:
                    unknown.Add(line);
                    break;
                default:
                    inputs.Add(BatchInput.Submit(line.Line, line.Request));
                    break;
            }
        }

        var resumed = inputs.Count(i => i.RequestId is not null);
        if (finishedBefore > 0 || resumed > 0 || unknown.Count > 0)
        {
            context.Error.WriteLine($"Resuming the batch ({journal.FilePath}): {finishedBefore} line(s) finished earlier are skipped, {resumed} submitted earlier are waited for.");
        }

        ListUnknown(unknown);
        var tally = new BatchTally(lines.Count, finishedBefore + unknown.Count);
        var downloads = settings.OutputDirectory is null ? null : session.CreateDownloadOptions(settings.MaxDownloadBytes, settings.TrustedOrigins);
        var options = new BatchOptions
        {
            MaxJobsInFlight = settings.Concurrency,
            MaxStatusCallsPerSecond = settings.MaxPollsPerSecond,
            MaxSubmitsPerSecond = settings.SubmitsPerSecond,
            Progress = new Reporter(tally.Report),
            // Flushed to the disk before the submit is sent: a kill after this point lists the line, never resubmits it.
            BeforeSubmitAsync = (input, _) => new ValueTask(journal.AppendAsync(new BatchRecord(input.Index, BatchLineState.Submitting, ModelId: input.Request!.ModelId), CancellationToken.None)),
            AfterSubmitAsync = (input, handle, _) => new ValueTask(journal.AppendAsync(new BatchRecord(input.Index, BatchLineState.Submitted, handle.RequestId, input.Request!.ModelId), CancellationToken.None)),
        };

        using var progressStop = new CancellationTokenSource();
        var progress = ShowProgressAsync(tally, progressStop.Token);
        var exitCode = ExitCodes.Ok;
        string? interrupted = null;
        try
        {
            await foreach (var item in session.Client.RunBatchAsync(ToAsync(inputs), options, interrupt))
            {
                await RecordAsync(item, downloads);
            }
        }
        catch (BatchCanceledException e)
        {
            foreach (var item in e.Unfinished)
            {
                if (item.Outcome == BatchItemOutcome.SubmitOutcomeUnknown)
                {
                    await journal.AppendAsync(new BatchRecord(item.Index, BatchLineState.OutcomeUnknown, ModelId: item.ModelId, Error: Clean(item.Error?.Message)), CancellationToken.None);
                }
                else if (item.Error is RunComfyCanceledException { CancelOutcome: CancelOutcome.Cancelled })
                {
                    // Cancelled while queued: nothing ran, nothing is billed; a rerun submits the line again.
                    await journal.AppendAsync(new BatchRecord(item.Index, BatchLineState.Cancelled, item.RequestId, item.ModelId), CancellationToken.None);
                }
            }

            var running = e.Unfinished.Count(u => u.RequestId is not null && u.Error is RunComfyCanceledException { CancelOutcome: not CancelOutcome.Cancelled });
            interrupted = $"✗ Interrupted: the queued jobs were cancelled; {running} job(s) already running were left to finish. Rerun the same command to collect them and to continue the batch.";
            exitCode = ExitCodes.Interrupted;
        }
        finally
        {
            await progressStop.CancelAsync();
            await progress;
        }

        // After the live display has ended, or it would draw over the message.
        if (interrupted is not null) context.Error.WriteLine(interrupted);

        var final = BatchJournal.Fold(await journal.ReadAsync(CancellationToken.None));
        if (settings.ResultsPath is { } resultsPath)
        {
            await BatchResultsFile.WriteAsync(Path.GetFullPath(resultsPath, context.CurrentDirectory), lines, final, CancellationToken.None);
        }

        return exitCode != ExitCodes.Ok ? exitCode : Summarize(lines, final);
    }

    private async Task RecordAsync(BatchItemResult item, DownloadOptions? downloads)
    {
        var urls = item.Result?.Output.AllUrls.Select(u => u.ToString()).ToList();
        switch (item.Outcome)
        {
            case BatchItemOutcome.Completed:
                IReadOnlyList<string>? files = null;
                string? error = null;
                if (downloads is not null && item.Result!.Output.AllUrls.Count > 0)
                {
                    try
                    {
                        var directory = Path.Combine(Path.GetFullPath(settings.OutputDirectory!, context.CurrentDirectory), $"line-{item.Index}");
                        files = [.. (await OutputDownloads.DownloadAllAsync(item.Result.Output.AllUrls, directory, downloads, CancellationToken.None)).Select(f => f.Path)];
                    }
                    catch (Exception e) when (e is RunComfyDownloadException or IOException or HttpRequestException or UnauthorizedAccessException)
                    {
                        // The job is done and paid for: keep it done, with the URLs, and say why the files are missing.
                        error = $"download failed: {Clean(e.Message)}";
                    }
                }

                await journal.AppendAsync(new BatchRecord(item.Index, BatchLineState.Completed, item.RequestId, item.ModelId, urls, files, error), CancellationToken.None);
                break;
            case BatchItemOutcome.JobFailed:
                await journal.AppendAsync(new BatchRecord(item.Index, BatchLineState.Failed, item.RequestId, item.ModelId, urls, Error: Clean(item.Result?.Error?.Message ?? item.Error?.Message)), CancellationToken.None);
                break;
            case BatchItemOutcome.Rejected:
                await journal.AppendAsync(new BatchRecord(item.Index, BatchLineState.Rejected, ModelId: item.ModelId, Error: Clean(item.Error?.Message)), CancellationToken.None);
                break;
            case BatchItemOutcome.SubmitOutcomeUnknown:
                await journal.AppendAsync(new BatchRecord(item.Index, BatchLineState.OutcomeUnknown, ModelId: item.ModelId, Error: Clean(item.Error?.Message)), CancellationToken.None);
                context.Error.WriteLine($"! line {item.Index}: the submit may have been accepted but no request id came back; it is not sent again.");
                break;
            default:
                // The job exists but could not be followed: stays 'submitted', so a rerun waits for it again.
                await journal.AppendAsync(new BatchRecord(item.Index, BatchLineState.Submitted, item.RequestId, item.ModelId, Error: Clean(item.Error?.Message)), CancellationToken.None);
                break;
        }
    }

    private void ListUnknown(IReadOnlyList<BatchLine> unknown)
    {
        if (unknown.Count == 0) return;
        context.Error.WriteLine($"! {unknown.Count} line(s) may have been submitted earlier, but no request id was recorded (the process stopped while their submit was in flight):");
        foreach (var line in unknown.Take(50)) context.Error.WriteLine($"  line {line.Line} ({line.Request.ModelId})");
        if (unknown.Count > 50) context.Error.WriteLine($"  … and {unknown.Count - 50} more");
        context.Error.WriteLine("  They are not sent again, so nothing is paid twice. Check the requests on your RunComfy account; to send them again anyway, rerun with --resubmit-unknown.");
    }

    private int Summarize(IReadOnlyList<BatchLine> lines, IReadOnlyDictionary<long, BatchRecord> states)
    {
        var counts = lines.GroupBy(l => states.GetValueOrDefault(l.Line)?.State ?? "not_submitted").ToDictionary(g => g.Key, g => g.Count());
        context.Error.WriteLine("Batch: " + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        if (counts.GetValueOrDefault(BatchLineState.OutcomeUnknown) + counts.GetValueOrDefault(BatchLineState.Submitting) > 0) return ExitCodes.SubmitOutcomeUnknown;
        return counts.GetValueOrDefault(BatchLineState.Completed) == lines.Count ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private async Task ShowProgressAsync(BatchTally tally, CancellationToken stop)
    {
        var interval = context.IsInteractive ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(5);
        if (context.IsInteractive)
        {
            var console = Consoles.For(context.Error, interactive: true);
            await console.Status().StartAsync("Batch…", async status =>
            {
                while (!stop.IsCancellationRequested)
                {
                    status.Status(Markup.Escape(tally.Describe()));
                    try { await Task.Delay(interval, stop); } catch (OperationCanceledException) { break; }
                }
            });
            context.Error.WriteLine(tally.Describe());
            return;
        }

        while (!stop.IsCancellationRequested)
        {
            try { await Task.Delay(interval, stop); } catch (OperationCanceledException) { break; }
            context.Error.WriteLine(tally.Describe());
        }

        context.Error.WriteLine(tally.Describe());
    }

    /// <summary>Server text on its way to the journal and terminal: no control characters, bounded.</summary>
    private static string? Clean(string? text) =>
        text is null ? null : new string(text.Select(c => char.IsControl(c) ? ' ' : c).Take(500).ToArray());

    private static async IAsyncEnumerable<BatchInput> ToAsync(IEnumerable<BatchInput> inputs)
    {
        foreach (var input in inputs) yield return input;
        await Task.CompletedTask;
    }

    /// <summary>Reports on the reporting thread (Progress&lt;T&gt; would post, and lose order).</summary>
    private sealed class Reporter(Action<BatchItemProgress> report) : IProgress<BatchItemProgress>
    {
        public void Report(BatchItemProgress value) => report(value);
    }
}
