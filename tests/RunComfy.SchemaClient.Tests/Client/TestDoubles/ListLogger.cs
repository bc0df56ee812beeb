using Microsoft.Extensions.Logging;

namespace RunComfy.SchemaClient.Tests.Client.TestDoubles;

/// <summary>Keeps every log line, with its structured values and exception, as text.</summary>
public sealed class ListLogger : ILogger<RunComfyClient>
{
    private readonly List<string> _lines = [];

    public IReadOnlyList<string> Lines
    {
        get { lock (_lines) return [.. _lines]; }
    }

    public string AllText => string.Join(Environment.NewLine, Lines);

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
        lock (_lines)
        {
            _lines.Add($"{logLevel} {eventId.Name}: {formatter(state, exception)} [{values}] {exception}");
        }
    }
}
