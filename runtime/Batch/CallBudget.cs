using System.Threading.RateLimiting;

namespace RunComfy.Batch;

/// <summary>
/// Builds the token buckets (System.Threading.RateLimiting) that pace a batch's status calls and submits. The
/// bucket holds one tenth of a second's worth and refills every tenth of a second at 80% of the cap, so any one
/// second (however it is aligned, and with a late or early refill) stays under the cap.
/// </summary>
internal static class CallBudget
{
    /// <summary>The share of the cap actually spent: the margin absorbs timer and network jitter.</summary>
    public const double PaceFraction = 0.8;

    public static TokenBucketRateLimiter Create(double callsPerSecond)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(callsPerSecond, 0);
        var pace = callsPerSecond * PaceFraction;
        var period = TimeSpan.FromMilliseconds(100);
        var perPeriod = (int)Math.Floor(pace / 10);
        if (perPeriod < 1)
        {
            // Below 10 calls a second: one call per period, the period stretched to keep the pace.
            perPeriod = 1;
            period = TimeSpan.FromSeconds(1 / pace);
        }

        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = perPeriod,
            TokensPerPeriod = perPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = int.MaxValue,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }
}
