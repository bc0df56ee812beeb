namespace RunComfy.Cli.Journal;

/// <summary>Where the per-user data folder (and so the journal) lives.</summary>
internal static class JournalLocation
{
    /// <summary>Overrides the data folder, e.g. for tests or a shared drive.</summary>
    public const string EnvironmentVariable = "COMFY_SCHEMA_DATA_DIR";

    /// <summary>
    /// The data folder: the <c>--data-dir</c> option, else <see cref="EnvironmentVariable"/>, else
    /// <c>comfy-schema</c> under the user's local application data folder
    /// (<c>~/.local/share</c> on Linux, <c>~/Library/Application Support</c> on macOS, <c>%LOCALAPPDATA%</c> on Windows).
    /// </summary>
    public static string Resolve(string? option, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return Path.GetFullPath(option);
        }

        var fromEnvironment = environment(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            return Path.GetFullPath(fromEnvironment);
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify);
        if (string.IsNullOrEmpty(local))
        {
            local = Path.Combine(Path.GetTempPath(), Environment.UserName);
        }

        return Path.Combine(local, "comfy-schema");
    }
}
