using System.Runtime.InteropServices;

namespace RunComfy.Cli.Interrupts;

/// <summary>
/// Ctrl-C and SIGTERM, handled by the CLI itself instead of ending the process: the first signal
/// cancels <see cref="Interrupt"/> (stop waiting, cancel a queued job), the second cancels
/// <see cref="Abandon"/> (give up on a submit still in flight), a third lets the default happen
/// (the process ends), so a stuck process can always be stopped.
/// </summary>
/// <remarks>
/// A paid job's id arrives in the submit's answer: ending the process while that answer is on its way
/// (System.CommandLine's default after a grace period) would lose it, so nothing ends the process on
/// the first two signals.
/// </remarks>
internal sealed class InterruptSignals : IDisposable
{
    private readonly CancellationTokenSource _interrupt = new();
    private readonly CancellationTokenSource _abandon = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _count;

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Interrupt => _interrupt.Token;

    /// <summary>Cancelled by the second signal.</summary>
    public CancellationToken Abandon => _abandon.Token;

    /// <summary>Handles SIGINT (Ctrl-C) and SIGTERM of this process.</summary>
    public static InterruptSignals ForConsole()
    {
        var signals = new InterruptSignals();
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM })
        {
            signals._registrations.Add(PosixSignalRegistration.Create(signal, context => context.Cancel = signals.Signal()));
        }

        return signals;
    }

    /// <summary>Records one signal; returns true when the CLI handles it, false when the default (ending the process) should happen.</summary>
    public bool Signal()
    {
        switch (Interlocked.Increment(ref _count))
        {
            case 1:
                _interrupt.Cancel();
                return true;
            case 2:
                _abandon.Cancel();
                return true;
            default:
                return false;
        }
    }

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _interrupt.Dispose();
        _abandon.Dispose();
    }
}
