namespace RunComfy.Batch;

/// <summary>
/// One pause for the whole batch: a 429, a 503 or a <c>Retry-After</c> seen by any call holds back every later
/// submit and poll until it has passed, instead of slowing only the job that got it.
/// </summary>
internal sealed class SharedBackoff(TimeProvider time, TimeSpan maxPause)
{
    private long _until;

    /// <summary>Pauses the batch for <paramref name="pause"/> from now (bounded), unless a longer pause is already set.</summary>
    public void Pause(TimeSpan pause)
    {
        if (pause <= TimeSpan.Zero) return;
        var bounded = pause > maxPause ? maxPause : pause;
        var until = time.GetUtcNow().UtcTicks + bounded.Ticks;
        long current;
        while ((current = Interlocked.Read(ref _until)) < until)
        {
            if (Interlocked.CompareExchange(ref _until, until, current) == current) return;
        }
    }

    /// <summary>How long the batch must still wait.</summary>
    public TimeSpan Remaining => TimeSpan.FromTicks(Math.Max(0, Interlocked.Read(ref _until) - time.GetUtcNow().UtcTicks));

    /// <summary>Waits out the pause (returns at once when none is set).</summary>
    public async ValueTask WaitAsync(CancellationToken cancellationToken)
    {
        for (var remaining = Remaining; remaining > TimeSpan.Zero; remaining = Remaining)
        {
            await Task.Delay(remaining, time, cancellationToken).ConfigureAwait(false);
        }
    }
}
