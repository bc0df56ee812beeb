using Microsoft.Extensions.Logging;

namespace RunComfy.Cli.Connection;

/// <summary>
/// Shows the client's "poll failed, going on" warnings to the person waiting: the client keeps
/// polling through transient failures (an unreachable API, 5xx) and reports them only as log events,
/// so without this a wait on a dead API would look like a job that never moves. Nothing else is shown.
/// </summary>
internal sealed class PollNoticeLogger(TextWriter error) : ILogger<RunComfyClient>
{
    /// <summary>The client's event id for a status or result poll whose retries were spent (ClientLog.PollFailed).</summary>
    public const int PollFailedEventId = 8;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Warning;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == PollFailedEventId && IsEnabled(logLevel))
        {
            // The client's messages carry ids and reasons only, never the token or a body.
            error.WriteLine($"! {formatter(state, exception)}");
        }
    }
}
