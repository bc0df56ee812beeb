namespace RunComfy.Client.Polling;

/// <summary>
/// Bounds a wait the server asked for (<c>Retry-After</c> on a status answer, a 429 or a 503, as seconds
/// or as an HTTP date): never more than <see cref="Maximum"/>, never past the run's remaining time, never
/// negative. A hostile or broken server can therefore neither stall a wait nor make it throw
/// (<c>Task.Delay</c> refuses delays beyond about 49 days).
/// </summary>
internal static class ServerDelay
{
    /// <summary>The longest a poll loop waits because the server said so.</summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromSeconds(60);

    /// <summary><paramref name="requested"/> kept within zero and <see cref="Maximum"/>; null stays null.</summary>
    public static TimeSpan? Clamp(TimeSpan? requested) => requested switch
    {
        null => null,
        { } wait when wait <= TimeSpan.Zero => TimeSpan.Zero,
        { } wait => wait > Maximum ? Maximum : wait,
    };

    /// <summary><paramref name="wait"/> cut to <paramref name="remaining"/> (the run's time left), when the run has a timeout.</summary>
    public static TimeSpan Within(TimeSpan wait, TimeSpan? remaining) =>
        remaining is { } left && wait > left ? (left > TimeSpan.Zero ? left : TimeSpan.Zero) : wait;
}
