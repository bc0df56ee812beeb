using System.Diagnostics;

namespace RunComfy.Cli.Waiting;

/// <summary>
/// The latest progress of one request, updated synchronously by the client's poll loop (unlike
/// <see cref="Progress{T}"/>, which posts to the thread pool and can reorder reports).
/// </summary>
internal sealed class ProgressState : IProgress<RunProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly TimeSpan _before;
    private readonly Lock _gate = new();
    private RunComfyRequestState _state;
    private int? _queuePosition;
    private string? _raw;

    public event Action<RunComfyRequestState, int?, TimeSpan>? Changed;

    /// <summary>A poll failed and the wait goes on: how many in a row, and why.</summary>
    public event Action<int, string?>? PollFailed;

    /// <param name="initial">What is known before the first poll.</param>
    /// <param name="before">How old the job already was when this watch started (a resumed wait: since its journaled
    /// submit), added to the elapsed time shown so it counts from the submit, like "completed in".</param>
    public ProgressState(RunComfyRequestState initial, TimeSpan before = default)
    {
        _state = initial;
        _before = before > TimeSpan.Zero ? before : TimeSpan.Zero;
    }

    public RunComfyRequestState State
    {
        get
        {
            lock (_gate)
            {
                return _state;
            }
        }
    }

    /// <summary>How long this watch has run (what <c>--timeout</c> bounds).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    public (RunComfyRequestState State, int? QueuePosition, string? Raw, TimeSpan Elapsed) Snapshot()
    {
        lock (_gate)
        {
            return (_state, _queuePosition, _raw, _before + _clock.Elapsed);
        }
    }

    public void Report(RunProgress value)
    {
        if (value.ConsecutiveFailures > 0)
        {
            // A failed poll says nothing new about the job (its state may read Unknown before any
            // status was seen), so the shown state stays; the person waiting is told it failed.
            PollFailed?.Invoke(value.ConsecutiveFailures, value.LastError?.Message);
            return;
        }

        bool changed;
        lock (_gate)
        {
            changed = value.State != _state || value.QueuePosition != _queuePosition;
            _state = value.State;
            _queuePosition = value.QueuePosition;
            _raw = value.RawStatus;
        }

        if (changed)
        {
            Changed?.Invoke(value.State, value.QueuePosition, _before + _clock.Elapsed);
        }
    }

    public static string Describe(RunComfyRequestState state, int? queuePosition, string? raw, TimeSpan elapsed)
    {
        var position = state == RunComfyRequestState.InQueue && queuePosition is { } p ? $" (position {p})" : "";
        return $"{StateNames.Of(state, raw)}{position} · {elapsed:mm\\:ss}";
    }
}
