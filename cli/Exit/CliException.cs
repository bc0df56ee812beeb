namespace RunComfy.Cli.Exit;

/// <summary>A problem the CLI itself detects (no token, unknown model, unreadable file) with the exit code it means.</summary>
internal sealed class CliException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
