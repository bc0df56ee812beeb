namespace RunComfy.Emulator;

/// <summary>A clock that moves only when told to, so tests can step jobs through their states without sleeping.</summary>
public sealed class ManualClock : TimeProvider
{
    private long _ticks;

    /// <summary>Starts the clock at <paramref name="start"/> (default: 2025-01-01 UTC).</summary>
    public ManualClock(DateTimeOffset? start = null) =>
        _ticks = (start ?? new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero)).UtcTicks;

    /// <summary>Moves the clock forward.</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        Interlocked.Add(ref _ticks, by.Ticks);
    }

    /// <inheritdoc />
    public override DateTimeOffset GetUtcNow() => new(Interlocked.Read(ref _ticks), TimeSpan.Zero);
}
