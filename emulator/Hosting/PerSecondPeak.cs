using System.Diagnostics;

namespace RunComfy.Emulator;

/// <summary>
/// Counts events per second of the real (monotonic) clock and keeps the busiest second, so a test can check a
/// client's rate cap against what the server saw. Job timings may run on a manual clock; rates never do.
/// </summary>
public sealed class PerSecondPeak
{
    private readonly object _gate = new();
    private long _second = -1;
    private int _count;
    private int _peak;

    /// <summary>The most events counted in one second so far.</summary>
    public int Peak
    {
        get { lock (_gate) return Math.Max(_peak, _count); }
    }

    /// <summary>Forgets every count (e.g. between two runs against one server).</summary>
    public void Reset()
    {
        lock (_gate)
        {
            _second = -1;
            _count = 0;
            _peak = 0;
        }
    }

    internal void Count()
    {
        var second = Stopwatch.GetTimestamp() / Stopwatch.Frequency;
        lock (_gate)
        {
            if (second != _second)
            {
                _peak = Math.Max(_peak, _count);

                _second = second;
                _count = 0;
            }

            _count++;
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"peak {Peak}/s";
}
