using System.Globalization;

namespace RunComfy.Cli.Waiting;

/// <summary>
/// How long a finished job took, as said after "✓ &lt;id&gt; completed". Counted from the job's creation when
/// the API gives it (<c>created_at</c>, to <c>finished_at</c> or, right after watching it finish, to now),
/// else from the submit this CLI journaled, else only as how long this process waited: never the wait
/// alone as if it were the job's whole run.
/// </summary>
internal static class JobDuration
{
    /// <param name="result">The finished job.</param>
    /// <param name="submittedAt">When this CLI sent its submit (the journal's time, or the run's own), if known.</param>
    /// <param name="waited">How long this process watched the job; null when it did not (a single <c>result</c> call).</param>
    /// <param name="now">The time the job was seen finished.</param>
    /// <returns>The text to append after "completed", starting with a space or a semicolon; empty when nothing is known.</returns>
    public static string Describe(RequestResult result, DateTimeOffset? submittedAt, TimeSpan? waited, DateTimeOffset now)
    {
        if (result.CreatedAt is { } created)
        {
            // Both ends on the server's clock when it says when the job finished; "now" only just after watching it finish.
            var end = result.FinishedAt ?? (waited is null ? (DateTimeOffset?)null : now);
            if (end is { } finished && finished >= created)
            {
                return $" in {Seconds(finished - created)}";
            }
        }

        if (waited is { } watched)
        {
            // The submit is on this machine's clock, like now: the job took at most this long.
            return submittedAt is { } submitted && now >= submitted
                ? $" {Seconds(now - submitted)} after it was submitted"
                : $"; waited {Seconds(watched)}";
        }

        return "";
    }

    private static string Seconds(TimeSpan span) => span.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + "s";
}
