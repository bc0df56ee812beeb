using System.Text.Json;
using RunComfy.Cli.Connection;
using RunComfy.Downloads;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Journal;
using RunComfy.Cli.Rendering;

namespace RunComfy.Cli.Waiting;

/// <summary>
/// Turns the end of a request into what the user sees and the exit code: downloads the outputs of a
/// completed request, explains a failure, a cancel or an interruption, and records the final state
/// in the journal.
/// </summary>
internal sealed class OutcomeReporter
{
    private readonly CliContext _context;
    private readonly bool _json;
    private readonly RequestJournal? _journal;

    public OutcomeReporter(CliContext context, bool json, RequestJournal? journal)
    {
        _context = context;
        _json = json;
        _journal = journal;
    }

    /// <summary>Reports a watch that ended (finished, interrupted or timed out).</summary>
    /// <param name="submittedAt">When the request was submitted by this CLI (the journal's time), if known; see <see cref="JobDuration"/>.</param>
    public async Task<int> ReportAsync(ClientSession session, string requestId, string modelId, WatchOutcome outcome, DeliveryOptions delivery, DateTimeOffset? submittedAt, CancellationToken cancellationToken)
    {
        if (outcome.End == WatchEnd.Finished && outcome.Result is { } result)
        {
            return await ReportResultAsync(session, result, modelId, delivery, outcome.Elapsed, submittedAt, cancellationToken);
        }

        var (state, message, exitCode) = DescribeUnfinished(session, requestId, outcome);
        await UpdateJournalAsync(requestId, state, CancellationToken.None);
        if (_json)
        {
            JsonOutput.Write(_context.Out, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("request_id", requestId);
                writer.WriteString("model_id", modelId);
                writer.WriteString("state", state);
                if (outcome.CancelOutcome is { } cancel)
                {
                    writer.WriteString("cancel_outcome", StateNames.Of(cancel));
                }

                writer.WriteString("message", Printable.Lines(message));
                writer.WriteEndObject();
            });
        }
        else
        {
            // Every way a watch ends unfinished exits non-zero: the same ✗ as every other error.
            _context.Error.WriteLine($"✗ {Printable.Lines(message)}");
        }

        return exitCode;
    }

    /// <summary>Reports a result read from the API: downloads its outputs when completed.</summary>
    /// <param name="elapsed">How long this process watched the request; null for a single result call.</param>
    /// <param name="submittedAt">When the request was submitted by this CLI, if known.</param>
    public async Task<int> ReportResultAsync(ClientSession session, RequestResult result, string modelId, DeliveryOptions delivery, TimeSpan? elapsed, DateTimeOffset? submittedAt, CancellationToken cancellationToken)
    {
        // Before the downloads, which are not part of the job's time.
        var seenAt = DateTimeOffset.UtcNow;
        var state = StateNames.Of(result.State, result.RawStatus);
        await UpdateJournalAsync(result.RequestId, state, CancellationToken.None);
        var files = new List<DownloadedOutput>();
        RunComfyDownloadException? downloadError = null;
        if (result.State == RunComfyRequestState.Completed && delivery.Download && result.Output.AllUrls.Count > 0)
        {
            var downloadOptions = session.CreateDownloadOptions(delivery.MaxBytes, delivery.TrustedOrigins);
            for (var i = 0; i < result.Output.AllUrls.Count; i++)
            {
                try
                {
                    files.Add(await OutputDownloads.DownloadAsync(result.Output.AllUrls[i], delivery.OutputDirectory, $"output-{i + 1}", downloadOptions, cancellationToken));
                }
                catch (RunComfyDownloadException e)
                {
                    // Keep what was downloaded; report the first failure.
                    downloadError ??= e;
                }
                catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
                {
                    // Ctrl-C: the job is done and paid for, so stopping the download loses nothing
                    // (the partial file is removed); the outputs can be fetched again.
                    _context.Error.WriteLine($"✗ Ctrl-C: stopped downloading; {result.RequestId} completed. Download its outputs with: comfy-schema result {result.RequestId}");
                    return ExitCodes.Interrupted;
                }
            }
        }

        var exitCode = result.State switch
        {
            RunComfyRequestState.Completed => downloadError is null ? ExitCodes.Ok : ExitCodeMapper.ForException(downloadError),
            RunComfyRequestState.Failed or RunComfyRequestState.Cancelled => ExitCodes.Failed,
            _ => ExitCodes.TryLater,
        };

        if (_json)
        {
            JsonOutput.Write(_context.Out, writer => WriteResultJson(writer, result, modelId, files, downloadError));
            return exitCode;
        }

        var id = result.RequestId;
        switch (result.State)
        {
            case RunComfyRequestState.Completed:
                var took = JobDuration.Describe(result, submittedAt, elapsed, seenAt);
                _context.Error.WriteLine($"✓ {id} completed{took}.");
                foreach (var file in files)
                {
                    // Paths on stdout, one per line, so `comfy-schema run ... | xargs open` works.
                    _context.Out.WriteLine(file.Path);
                }

                if (!delivery.Download)
                {
                    foreach (var url in result.Output.AllUrls)
                    {
                        _context.Out.WriteLine(Printable.Url(url));
                    }
                }
                else if (files.Count > 0)
                {
                    _context.Error.WriteLine($"Saved {files.Count} output file{(files.Count == 1 ? "" : "s")} to {delivery.OutputDirectory}.");
                }
                else if (result.Output.AllUrls.Count == 0)
                {
                    _context.Error.WriteLine("The request completed without output files.");
                }

                if (result.Cost is { } cost)
                {
                    _context.Error.WriteLine($"Cost: ${cost:0.####}");
                }

                if (downloadError is not null)
                {
                    _context.Error.WriteLine($"✗ {Printable.Line(downloadError.Message)}");
                }

                break;
            case RunComfyRequestState.Failed:
                _context.Error.WriteLine($"✗ {id} failed: {Printable.Line(result.Error?.Message ?? "the API gave no reason")}{(result.Error?.Code is { } code ? $" (error {Printable.Line(code)})" : "")}.");
                break;
            case RunComfyRequestState.Cancelled:
                _context.Error.WriteLine($"✗ {id} was cancelled.");
                break;
            default:
                _context.Error.WriteLine($"✗ {id} is {state}; it has no result yet. Wait for it with: comfy-schema wait {id}");
                break;
        }

        return exitCode;
    }

    private async Task UpdateJournalAsync(string requestId, string state, CancellationToken cancellationToken)
    {
        if (_journal is null)
        {
            return;
        }

        try
        {
            await _journal.UpdateStateAsync(requestId, state, cancellationToken);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            _context.Error.WriteLine($"! Could not write the journal ({_journal.FilePath}): {e.Message}.");
        }
    }

    private static (string State, string Message, int ExitCode) DescribeUnfinished(ClientSession session, string id, WatchOutcome outcome)
    {
        var resume = session.IsEmulator
            ? "(The in-process emulator stops with this command, so there is nothing to resume.)"
            : $"Fetch it later with: comfy-schema wait {id}";
        var lastState = StateNames.Of(outcome.LastState);
        if (outcome.End == WatchEnd.TimedOut)
        {
            return (lastState, $"Stopped waiting after {outcome.Elapsed.TotalSeconds:0}s; {id} is {lastState} and runs on. {resume}", ExitCodes.TryLater);
        }

        if (outcome.CancelError is { } error)
        {
            return (lastState, $"Ctrl-C: tried to cancel the queued request {id}, but the cancel call failed: {error} It may still run. {resume}", ExitCodes.Interrupted);
        }

        return outcome.CancelOutcome switch
        {
            CancelOutcome.Cancelled => ("cancelled", $"Ctrl-C: cancelled {id} while it was still queued.", ExitCodes.Failed),
            CancelOutcome.CancellationRequested => ("cancellation_requested", $"Ctrl-C: asked RunComfy to cancel {id}; it may still run. Check with: comfy-schema status {id}", ExitCodes.Failed),
            CancelOutcome.NotCancellable => ("in_progress", $"Ctrl-C: {id} had already started and can no longer be cancelled; it runs on (and is billed). {resume}", ExitCodes.Interrupted),
            null => (lastState, $"Ctrl-C: {id} is already running and cannot be cancelled; it runs on (and is billed). {resume}", ExitCodes.Interrupted),
            _ => (lastState, $"Ctrl-C: the cancel of {id} had an unknown outcome; it may still run. Check with: comfy-schema status {id}", ExitCodes.Interrupted),
        };
    }

    private static void WriteResultJson(Utf8JsonWriter writer, RequestResult result, string modelId, List<DownloadedOutput> files, RunComfyDownloadException? downloadError)
    {
        writer.WriteStartObject();
        writer.WriteString("request_id", result.RequestId);
        writer.WriteString("model_id", Printable.Line(result.ModelId ?? modelId));
        writer.WriteString("state", StateNames.Of(result.State, result.RawStatus));
        writer.WriteStartArray("outputs");
        foreach (var url in result.Output.AllUrls)
        {
            writer.WriteStartObject();
            writer.WriteString("url", Printable.Url(url));
            if (files.FirstOrDefault(f => f.SourceUrl == url) is { } file)
            {
                writer.WriteString("path", file.Path);
                writer.WriteNumber("bytes", file.Bytes);
            }

            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        if (result.CreatedAt is { } created)
        {
            writer.WriteString("created_at", created);
        }

        if (result.FinishedAt is { } finished)
        {
            writer.WriteString("finished_at", finished);
        }

        if (result.Cost is { } cost)
        {
            writer.WriteNumber("cost_usd", cost);
        }

        if (result.Error is { } error)
        {
            writer.WriteStartObject("error");
            writer.WriteString("message", Printable.Line(error.Message));
            if (error.Code is not null)
            {
                writer.WriteString("code", Printable.Line(error.Code));
            }

            writer.WriteEndObject();
        }

        if (downloadError is not null)
        {
            writer.WriteString("download_error", Printable.Line(downloadError.Message));
        }

        writer.WriteEndObject();
    }
}
