using Polly;
using RunComfy.Client.Transport;
using RunComfy.Client.Wire;

namespace RunComfy.Client.Retries;

/// <summary>Which outcomes are worth another attempt.</summary>
internal static class RetryRules
{
    /// <summary>Status, result and cancel change nothing when repeated, so every transient failure is retried.</summary>
    public static bool ShouldRetryRead(Outcome<WireAnswer> outcome) =>
        outcome.Exception is TransportException || outcome.Result?.IsTransient == true;

    /// <summary>
    /// A submit is repeated only when the server certainly did not take it: a 429 (rate limited, nothing
    /// queued), or a failure before any byte was sent. Not after a timeout, a reset mid-way, a 5xx or an
    /// unreadable answer: the job may exist, and a second submit could run and bill twice.
    /// </summary>
    public static bool ShouldRetrySubmit(Outcome<WireAnswer> outcome) =>
        outcome.Exception is TransportException { Failure: TransportFailure.NotSent } || outcome.Result?.IsRateLimited == true;

    public static string Describe(Outcome<WireAnswer> outcome) =>
        outcome.Exception is { } e
            ? e.Message
            : outcome.Result is { } answer
                ? answer.IsUnreadable ? $"HTTP {answer.Status} with an unreadable body" : $"HTTP {answer.Status}{(answer.Error?.Code is { } code ? $" error {code}" : "")}"
                : "no outcome";
}
