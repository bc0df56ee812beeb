using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Journal;

namespace RunComfy.Cli.Commands;

/// <summary>
/// The one step of <c>run</c> that spends money: a <c>submitting</c> journal line before the POST, the
/// POST itself (bounded by <see cref="CliContext.SubmitTimeout"/>, not stopped by the first Ctrl-C,
/// abandoned by the second), and a journal line with its outcome after. Whatever happens, the user
/// learns the request id or that the outcome is unknown, and <c>requests</c> shows it.
/// </summary>
internal sealed class JournaledSubmit
{
    /// <summary>Journal state of a submit sent but not answered yet (a crash then leaves it so).</summary>
    public const string Submitting = "submitting";

    /// <summary>Journal state of a submit that may have created a job whose id is unknown.</summary>
    public const string OutcomeUnknown = "outcome_unknown";

    /// <summary>Journal state of a submit that certainly created nothing (refused, or never sent).</summary>
    public const string NotSubmitted = "not_submitted";

    private readonly CliContext _context;
    private readonly ClientSession _session;
    private readonly RequestJournal? _journal;
    private readonly string _submitId = Guid.NewGuid().ToString("N");
    private bool _journaled;

    /// <param name="context">Output and the second Ctrl-C.</param>
    /// <param name="session">The API.</param>
    /// <param name="journal">The journal, or null when the request must not be journaled (the in-process emulator).</param>
    public JournaledSubmit(CliContext context, ClientSession session, RequestJournal? journal)
    {
        _context = context;
        _session = session;
        _journal = journal;
    }

    /// <summary>Submits <paramref name="request"/>; <paramref name="interrupt"/> (the first Ctrl-C) only prints a notice while the submit is in flight.</summary>
    /// <exception cref="CliException">The outcome is unknown (<see cref="ExitCodes.SubmitOutcomeUnknown"/>), or nothing was sent.</exception>
    public async Task<RequestHandle> SubmitAsync(IRunComfyRequest request, CancellationToken interrupt)
    {
        // Ctrl-C before anything was sent: send nothing.
        interrupt.ThrowIfCancellationRequested();
        var modelId = request.ModelId;
        await RecordAsync(null, modelId, Submitting);

        using var limit = CancellationTokenSource.CreateLinkedTokenSource(_context.Abandon);
        limit.CancelAfter(_context.SubmitTimeout);
        RequestHandle handle;
        try
        {
            using (interrupt.Register(() => _context.Error.WriteLine(
                "Submit in flight, waiting for its request id; press Ctrl-C again to abandon (the job may exist).")))
            {
                handle = await _session.Client.SubmitAsync(request, limit.Token);
            }
        }
        catch (SubmitOutcomeUnknownException e)
        {
            await RecordAsync(e.RequestId, modelId, OutcomeUnknown);
            throw;
        }
        catch (RunComfyCanceledException e) when (e.SubmitOutcomeUnknown)
        {
            await RecordAsync(null, modelId, OutcomeUnknown);
            var why = _context.Abandon.IsCancellationRequested
                ? "Abandoned the submit while it was in flight (second Ctrl-C)"
                : $"The submit got no answer within {_context.SubmitTimeout.TotalSeconds:0}s and was given up";
            throw new CliException(ExitCodes.SubmitOutcomeUnknown, $"{why}: the job to '{modelId}' may exist and be billed, but its request id is unknown.{Environment.NewLine}  {UnknownOutcomeAdvice}");
        }
        catch (OperationCanceledException) when (limit.IsCancellationRequested)
        {
            // Cancelled between attempts: every attempt so far was certainly not taken.
            await RecordAsync(null, modelId, NotSubmitted);
            throw _context.Abandon.IsCancellationRequested
                ? new CliException(ExitCodes.Interrupted, "Interrupted before the submit was sent: nothing was submitted.")
                : new CliException(ExitCodes.Unavailable, $"The submit could not be sent within {_context.SubmitTimeout.TotalSeconds:0}s: nothing was submitted.");
        }
        catch (Exception e) when (e is RunComfyException or RequestValidationException or HttpRequestException)
        {
            // Refused by the API (4xx) or never sent: nothing was queued.
            await RecordAsync(null, modelId, NotSubmitted);
            throw;
        }

        await RecordAsync(handle.RequestId, modelId, "submitted");
        return handle;
    }

    /// <summary>What to do about a submit of unknown outcome; said with every such exit.</summary>
    public const string UnknownOutcomeAdvice =
        "Never retry it automatically (a second submit can run and bill twice): check 'comfy-schema requests' and the requests on your RunComfy account first.";

    private async Task RecordAsync(string? requestId, string modelId, string state)
    {
        if (_journal is null || (requestId is null && state != Submitting && !_journaled))
        {
            return;
        }

        try
        {
            await _journal.AppendAsync(new JournalRecord(requestId, modelId, state, _session.BaseAddress.ToString(), DateTimeOffset.UtcNow) { SubmitId = _submitId });
            _journaled = true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Never fail (or skip) a submit for the journal's sake, but make sure a paid id is seen.
            var id = requestId is null ? "" : $" Note the request id: {requestId}";
            _context.Error.WriteLine($"! Could not write the journal ({_journal.FilePath}): {e.Message}.{id}");
        }
    }
}
