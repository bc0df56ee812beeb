using Polly;
using RunComfy.Client.Wire;

namespace RunComfy.Client.Retries;

/// <summary>
/// The <c>Retry-After</c> waits of one call, summed across its retries (kept in the call's resilience context).
/// Each wait is bounded by <see cref="RunComfyRetryOptions.MaxRetryAfter"/>, but a server repeating "later" could
/// still hold a one-shot call for retries x that; the sum is bounded by <see cref="RunComfyRetryOptions.MaxTotalRetryAfter"/>.
/// </summary>
internal static class RetryAfterBudget
{
    private static readonly ResiliencePropertyKey<TimeSpan> Waited = new("runcomfy.retry-after-waited");

    /// <summary>The wait an answer's <c>Retry-After</c> asks for, never negative; null without one.</summary>
    public static TimeSpan? Requested(Outcome<WireAnswer> outcome) =>
        outcome.Result?.RetryAfter is { } wait ? (wait < TimeSpan.Zero ? TimeSpan.Zero : wait) : null;

    /// <summary>What is left of <paramref name="total"/> for this call.</summary>
    public static TimeSpan Left(ResilienceContext context, TimeSpan total) =>
        total - context.Properties.GetValue(Waited, TimeSpan.Zero);

    /// <summary>Counts a wait the call is about to make.</summary>
    public static void Spend(ResilienceContext context, TimeSpan wait) =>
        context.Properties.Set(Waited, context.Properties.GetValue(Waited, TimeSpan.Zero) + wait);
}
