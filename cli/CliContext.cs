namespace RunComfy.Cli;

/// <summary>
/// What a command may touch of the outside world: its output writers, environment variables,
/// working directory and whether a person is watching. Tests pass their own; <c>Program</c> passes the console's.
/// </summary>
internal sealed class CliContext
{
    /// <summary>Results: file paths, tables, <c>--json</c> documents.</summary>
    public required TextWriter Out { get; init; }

    /// <summary>Progress, errors and hints; never mixed into <see cref="Out"/> so results stay pipeable.</summary>
    public required TextWriter Error { get; init; }

    /// <summary>Reads an environment variable.</summary>
    public Func<string, string?> GetEnvironmentVariable { get; init; } = Environment.GetEnvironmentVariable;

    /// <summary>Where relative paths (<c>@image.png</c>, <c>--output-dir</c>) start.</summary>
    public string CurrentDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>True when a person watches a terminal: live progress instead of one line per change.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>Adjusts the in-process emulator's options after the CLI's own short timings; for tests.</summary>
    public Action<RunComfy.Emulator.EmulatorOptions>? ConfigureEmulator { get; init; }

    /// <summary>Where schemas of models not compiled in come from; null: the API's <c>GET /v1/models/{id}</c>. For tests.</summary>
    public RunComfy.Cli.Models.IModelSchemaSource? ModelSchemaSource { get; init; }

    /// <summary>
    /// The second Ctrl-C: abandons a submit still waiting for its answer (the job may exist). The first
    /// Ctrl-C is the command's own cancellation token.
    /// </summary>
    public CancellationToken Abandon { get; init; }

    /// <summary>
    /// The most a submit may block, retries included, before it is given up as of unknown outcome
    /// (one attempt alone may take the client's 60-second request timeout).
    /// </summary>
    public TimeSpan SubmitTimeout { get; init; } = DefaultSubmitTimeout;

    /// <summary>The default <see cref="SubmitTimeout"/>.</summary>
    public static readonly TimeSpan DefaultSubmitTimeout = TimeSpan.FromMinutes(3);

    /// <summary>The context of a real console process.</summary>
    public static CliContext ForConsole(CancellationToken abandon) => new()
    {
        Abandon = abandon,
        Out = Console.Out,
        Error = Console.Error,
        IsInteractive = !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null,
    };
}
