using RunComfy.Cli;
using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Cli.Tests.Infrastructure;

/// <summary>What one in-process invocation of the CLI produced.</summary>
internal sealed record CliRun(int ExitCode, string Out, string Error)
{
    public override string ToString() => $"exit {ExitCode}{Environment.NewLine}--- stdout ---{Environment.NewLine}{Out}--- stderr ---{Environment.NewLine}{Error}";
}

/// <summary>
/// Runs the real command tree in-process with captured output, a private working folder and journal,
/// and an environment with no RunComfy variables (so nothing leaks in from the machine).
/// </summary>
internal sealed class CliHarness : IDisposable
{
    private readonly TempFolder _folder = new();

    public string WorkingDirectory => _folder.Path;

    public string DataDirectory => _folder.Combine("data");

    public string JournalPath => Path.Combine(DataDirectory, "requests.jsonl");

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public Action<EmulatorOptions>? ConfigureEmulator { get; set; }

    /// <summary>Where schemas of models not compiled in come from; null: the API's <c>GET /v1/models/{id}</c>.</summary>
    public RunComfy.Cli.Models.IModelSchemaSource? ModelSchemaSource { get; set; }

    /// <summary>The CLI's bound on one submit; the default is the real one.</summary>
    public TimeSpan SubmitTimeout { get; set; } = CliContext.DefaultSubmitTimeout;

    public string Combine(params string[] parts) => _folder.Combine(parts);

    /// <summary>Runs the CLI; <paramref name="cancellationToken"/> is the first Ctrl-C and <paramref name="abandon"/> the second.</summary>
    public async Task<CliRun> RunAsync(string[] args, CancellationToken cancellationToken = default, CancellationToken abandon = default)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var context = new CliContext
        {
            // Progress is written from the client's poll loop: keep the writers thread-safe.
            Out = TextWriter.Synchronized(output),
            Error = TextWriter.Synchronized(error),
            CurrentDirectory = WorkingDirectory,
            GetEnvironmentVariable = name => name == RunComfy.Cli.Journal.JournalLocation.EnvironmentVariable
                ? DataDirectory
                : Environment.GetValueOrDefault(name),
            IsInteractive = false,
            ConfigureEmulator = ConfigureEmulator,
            ModelSchemaSource = ModelSchemaSource,
            Abandon = abandon,
            SubmitTimeout = SubmitTimeout,
        };
        var exitCode = await CliApp.RunAsync(args, context, cancellationToken);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public Task<CliRun> RunAsync(params string[] args) => RunAsync(args, CancellationToken.None);

    public void Dispose() => _folder.Dispose();
}
