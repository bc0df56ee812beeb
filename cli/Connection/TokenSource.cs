namespace RunComfy.Cli.Connection;

/// <summary>Where the API token comes from, in order: <c>--token</c>, <c>RUNCOMFY_API_TOKEN</c>, <c>RUNCOMFY_TOKEN</c>.</summary>
internal static class TokenSource
{
    /// <summary>The variables read, in order (the ComfyUI nodes' order; the official CLI reads the second).</summary>
    public static IReadOnlyList<string> EnvironmentVariables { get; } = ["RUNCOMFY_API_TOKEN", "RUNCOMFY_TOKEN"];

    public static string? Resolve(string? option, Func<string, string?> environment)
    {
        if (!string.IsNullOrWhiteSpace(option))
        {
            return option.Trim();
        }

        return EnvironmentVariables.Select(environment).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
    }
}
