namespace RunComfy;

/// <summary>
/// How calls are retried. Status, result and cancel calls retry on 429, 408, 5xx, malformed answers, network
/// faults and timeouts. A submit retries only when the server certainly did not take it: 429, or a failure
/// before the request was sent (connection refused, DNS, TLS, connect timeout).
/// </summary>
public sealed class RunComfyRetryOptions
{
    /// <summary>Retries after the first attempt. Default 4; 0 disables retries.</summary>
    public int MaxRetries { get; set; } = 4;

    /// <summary>The first backoff delay; it doubles on each retry, with jitter. Default 0.5 seconds.</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest backoff delay. Default 10 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The longest <c>Retry-After</c> the client waits for. A longer one ends the retries and the error is
    /// thrown with <see cref="RunComfyException.RetryAfter"/> set. Default 2 minutes.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>
    /// The most one call (a status, result, cancel or catalog read, or a submit) waits in all for the
    /// <c>Retry-After</c>s the server sends, across its retries. A <c>Retry-After</c> that would take the call past
    /// it ends the retries at once, without waiting: the error of that answer is thrown, with its status, error
    /// code and <see cref="RunComfyException.RetryAfter"/>. Default 60 seconds; at most 1 day; zero retries
    /// nothing the server asks to delay.
    /// </summary>
    public TimeSpan MaxTotalRetryAfter { get; set; } = TimeSpan.FromSeconds(60);
}
