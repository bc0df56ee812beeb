using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using RunComfy.Client.Transport;
using RunComfy.Client.Wire;

namespace RunComfy.Client.Retries;

/// <summary>
/// The two retry pipelines (Polly.Core): one for idempotent calls (status, result, cancel) and one for
/// submits, which may be sent again only when the server certainly did not take them.
/// </summary>
internal sealed class RetryPipelines
{
    public static readonly ResiliencePropertyKey<string> Operation = new("runcomfy.operation");
    public static readonly ResiliencePropertyKey<string?> RequestId = new("runcomfy.request-id");

    private readonly RunComfyRetryOptions _options;
    private readonly ILogger _logger;

    public RetryPipelines(RunComfyRetryOptions options, TimeProvider time, ILogger logger)
    {
        _options = options;
        _logger = logger;
        Reads = Build(RetryRules.ShouldRetryRead, time);
        Submits = Build(RetryRules.ShouldRetrySubmit, time);
    }

    /// <summary>Retries 408, 429, 5xx, unreadable answers, network faults and timeouts.</summary>
    public ResiliencePipeline<WireAnswer> Reads { get; }

    /// <summary>Retries only 429 and failures before the request was sent.</summary>
    public ResiliencePipeline<WireAnswer> Submits { get; }

    private ResiliencePipeline<WireAnswer> Build(Func<Outcome<WireAnswer>, bool> shouldRetry, TimeProvider time)
    {
        if (_options.MaxRetries == 0)
        {
            return ResiliencePipeline<WireAnswer>.Empty;
        }

        var maxRetryAfter = _options.MaxRetryAfter;
        var maxTotalRetryAfter = _options.MaxTotalRetryAfter;
        return new ResiliencePipelineBuilder<WireAnswer> { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions<WireAnswer>
            {
                MaxRetryAttempts = _options.MaxRetries,
                Delay = _options.Delay,
                MaxDelay = _options.MaxDelay,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,

                // A Retry-After longer than we are willing to wait, or one that would take this call's Retry-After
                // waits past their total, ends the retries at once: the caller gets the error with it, never a hang.
                ShouldHandle = args => ValueTask.FromResult(shouldRetry(args.Outcome) && WithinLimits(args, maxRetryAfter, maxTotalRetryAfter)),

                // The server's Retry-After replaces the backoff: it knows when it will take calls again.
                // Never longer than MaxRetryAfter nor the rest of MaxTotalRetryAfter (retries stop above them).
                DelayGenerator = args =>
                {
                    if (RetryAfterBudget.Requested(args.Outcome) is not { } wait)
                    {
                        return ValueTask.FromResult<TimeSpan?>(null);
                    }

                    RetryAfterBudget.Spend(args.Context, wait);
                    return ValueTask.FromResult<TimeSpan?>(wait);
                },
                OnRetry = args =>
                {
                    ClientLog.Retrying(
                        _logger,
                        args.Context.Properties.GetValue(Operation, "call"),
                        args.Context.Properties.GetValue(RequestId, null),
                        args.AttemptNumber + 1,
                        args.RetryDelay.TotalMilliseconds,
                        RetryRules.Describe(args.Outcome));
                    return default;
                },
            })
            .Build();
    }

    /// <summary>No Retry-After, or one within <paramref name="maxRetryAfter"/> and within what is left of the call's total.</summary>
    private bool WithinLimits(RetryPredicateArguments<WireAnswer> args, TimeSpan maxRetryAfter, TimeSpan maxTotalRetryAfter)
    {
        var context = args.Context;
        if (RetryAfterBudget.Requested(args.Outcome) is not { } wait)
        {
            return true;
        }

        if (wait > maxRetryAfter)
        {
            return false;
        }

        var left = RetryAfterBudget.Left(context, maxTotalRetryAfter);
        if (wait <= left)
        {
            return true;
        }

        // Polly asks on the last attempt too, where no retry would follow anyway: the warning is for a retry the cap stopped.
        if (args.AttemptNumber >= _options.MaxRetries)
        {
            return false;
        }

        ClientLog.RetryAfterBudgetSpent(
            _logger,
            context.Properties.GetValue(Operation, "call"),
            context.Properties.GetValue(RequestId, null),
            wait.TotalMilliseconds,
            maxTotalRetryAfter.TotalMilliseconds);
        return false;
    }
}
