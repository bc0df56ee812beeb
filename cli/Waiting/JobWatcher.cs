using RunComfy.Cli.Rendering;
using Spectre.Console;

namespace RunComfy.Cli.Waiting;

/// <summary>
/// Waits for one request with live progress (state, queue position, elapsed) and handles Ctrl-C the
/// way the official clients do: a queued request is cancelled (and the user told whether that
/// worked); a running one cannot be, so it is left running and the user told how to fetch it later.
/// </summary>
internal sealed class JobWatcher
{
    private static readonly TimeSpan CancelCallTimeout = TimeSpan.FromSeconds(15);

    private readonly CliContext _context;
    private readonly bool _quiet;

    public JobWatcher(CliContext context, bool quiet)
    {
        _context = context;
        _quiet = quiet;
    }

    /// <param name="client">The client to poll with.</param>
    /// <param name="requestId">The request.</param>
    /// <param name="initialState">What is known before the first poll (a fresh submit is queued).</param>
    /// <param name="timeout">How long to wait before leaving the request running; null waits without limit.</param>
    /// <param name="interrupt">Ctrl-C.</param>
    /// <param name="submittedAt">When the request was submitted, if known (a resumed wait: the journal's time): the
    /// elapsed time shown counts from then, not from this watch's start.</param>
    public async Task<WatchOutcome> WatchAsync(RunComfyClient client, string requestId, RunComfyRequestState initialState, TimeSpan? timeout, CancellationToken interrupt, DateTimeOffset? submittedAt = null)
    {
        var progress = new ProgressState(initialState, submittedAt is { } submitted ? DateTimeOffset.UtcNow - submitted : TimeSpan.Zero);
        // Without this a wait on an unreachable API would look like a job that never moves.
        progress.PollFailed += (inARow, reason) =>
            _context.Error.WriteLine($"! Polling {requestId} failed for now and will go on ({inARow} in a row): {Printable.Line(reason)}");
        var options = new RunOptions
        {
            Progress = progress,
            Timeout = timeout,
            // The CLI cancels a queued job itself on Ctrl-C, so it can say what happened.
            CancelQueuedRequestOnAbort = false,
        };

        Task<RequestResult> wait;
        try
        {
            wait = client.WaitAsync(requestId, options, interrupt);
            await ShowProgressAsync(wait, progress, requestId);
            return new WatchOutcome(WatchEnd.Finished, progress.State, await wait) { Elapsed = progress.Elapsed };
        }
        catch (RunComfyJobFailedException failed)
        {
            return new WatchOutcome(WatchEnd.Finished, failed.State, failed.Result) { Elapsed = progress.Elapsed };
        }
        catch (TimeoutException)
        {
            return new WatchOutcome(WatchEnd.TimedOut, progress.State) { Elapsed = progress.Elapsed };
        }
        catch (OperationCanceledException) when (interrupt.IsCancellationRequested)
        {
            return await HandleInterruptAsync(client, requestId, progress.State);
        }
    }

    private async Task<WatchOutcome> HandleInterruptAsync(RunComfyClient client, string requestId, RunComfyRequestState lastState)
    {
        // Only a queued request can be cancelled; one never seen (Ctrl-C right after the submit) is queued.
        if (lastState is not (RunComfyRequestState.InQueue or RunComfyRequestState.Unknown))
        {
            return new WatchOutcome(WatchEnd.Interrupted, lastState);
        }

        // A second Ctrl-C stops waiting for the cancel's answer.
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_context.Abandon);
        timeout.CancelAfter(CancelCallTimeout);
        try
        {
            var cancel = await client.CancelAsync(requestId, timeout.Token);
            return new WatchOutcome(WatchEnd.Interrupted, lastState, CancelOutcome: cancel.Outcome);
        }
        catch (Exception e) when (e is RunComfyException or HttpRequestException or OperationCanceledException or TimeoutException)
        {
            return new WatchOutcome(WatchEnd.Interrupted, lastState, CancelError: e.Message);
        }
    }

    private async Task ShowProgressAsync(Task wait, ProgressState progress, string requestId)
    {
        if (_quiet)
        {
            await Task.WhenAny(wait);
            return;
        }

        if (!_context.IsInteractive)
        {
            // One line per change: readable in CI logs and redirected output.
            var initial = progress.Snapshot();
            if (initial.State != RunComfyRequestState.Unknown)
            {
                _context.Error.WriteLine($"{requestId}: {ProgressState.Describe(initial.State, initial.QueuePosition, initial.Raw, initial.Elapsed)}");
            }

            void OnChanged(RunComfyRequestState state, int? position, TimeSpan elapsed) =>
                _context.Error.WriteLine($"{requestId}: {ProgressState.Describe(state, position, null, elapsed)}");
            progress.Changed += OnChanged;
            try
            {
                await Task.WhenAny(wait);
            }
            finally
            {
                progress.Changed -= OnChanged;
            }

            return;
        }

        var console = Consoles.For(_context.Error, interactive: true);
        await console.Status().Spinner(Spinner.Known.Dots).StartAsync("Waiting…", async status =>
        {
            while (!wait.IsCompleted)
            {
                var (state, position, raw, elapsed) = progress.Snapshot();
                var hint = state is RunComfyRequestState.InQueue or RunComfyRequestState.Unknown
                    ? "Ctrl-C cancels it"
                    : "Ctrl-C stops waiting";
                status.Status($"[bold]{Markup.Escape(ProgressState.Describe(state, position, raw, elapsed))}[/] [grey]({hint})[/]");
                await Task.WhenAny(wait, Task.Delay(200));
            }
        });
    }
}
