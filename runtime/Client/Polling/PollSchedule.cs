namespace RunComfy.Client.Polling;

/// <summary>
/// How long to wait before the next status poll: a fifth of the time waited so far, kept between the
/// poll interval (1 s by default) and the maximum (5 s by default), and never less than a Retry-After.
/// A job is therefore noticed at most ~20% (and at most the maximum) after it finished, while a long
/// job is asked about only every few seconds.
/// </summary>
internal static class PollSchedule
{
    public const double ElapsedFraction = 0.2;

    public static TimeSpan Next(TimeSpan elapsed, TimeSpan minimum, TimeSpan maximum, TimeSpan? retryAfter)
    {
        var interval = TimeSpan.FromTicks((long)(elapsed.Ticks * ElapsedFraction));
        interval = interval < minimum ? minimum : interval > maximum ? maximum : interval;
        return retryAfter is { } wait && wait > interval ? wait : interval;
    }
}
