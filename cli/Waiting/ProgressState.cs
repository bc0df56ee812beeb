using System.Diagnostics;

namespace RunComfy.Cli.Waiting;

/// <summary>
/// The latest progress of one request, updated synchronously by the client's poll loop (unlike
/// <see cref="Progress{T}"/>, which posts to the thread pool and can reorder reports).
/// </summary>
internal sealed class ProgressState : IProgress<RunProgress>
{
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Lock _gate = new();
    private RunComfyRequestState _state;
    private int? _queuePosition;
    private string? _raw;

    public event Action<RunComfyRequestState, int?, TimeSpan>? Changed;

    /// <summary>A poll failed and the wait goes on: how many in a row, and why.</summary>
    public event Action<int, string?>? PollFailed;

    public ProgressState(RunComfyRequestState initial) => _state = initial;

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

    public TimeSpan Elapsed => _clock.Elapsed;

    public (RunComfyRequestState State, int? QueuePosition, string? Raw, TimeSpan Elapsed) Snapshot()
    {
        lock (_gate)
        {
            return (_state, _queuePosition, _raw, _clock.Elapsed);
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
            Changed?.Invoke(value.State, value.QueuePosition, _clock.Elapsed);
        }
    }

    public static string Describe(RunComfyRequestState state, int? queuePosition, string? raw, TimeSpan elapsed)
    {
        var position = state == RunComfyRequestState.InQueue && queuePosition is { } p ? $" (position {p})" : "";
        return $"{StateNames.Of(state, raw)}{position} · {elapsed:mm\\:ss}";
    }
}
