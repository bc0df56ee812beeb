using System.CommandLine;

namespace RunComfy.Cli.Commands;

/// <summary>The options every command understands (declared once on the root, recursive).</summary>
internal sealed class CommonOptions
{
    public Option<bool> Json { get; } = new("--json")
    {
        Description = "Print one JSON document on stdout instead of text (no progress display).",
        Recursive = true,
    };

    public Option<string?> Token { get; } = new("--token")
    {
        Description = "API token. Default: RUNCOMFY_API_TOKEN, else RUNCOMFY_TOKEN.",
        Recursive = true,
        HelpName = "token",
    };

    public Option<string?> BaseAddress { get; } = new("--base-address")
    {
        Description = "API address. Default: RUNCOMFY_MODEL_API_BASE, else the address the request was submitted to (from the journal; a loopback one must be given again), else https://model-api.runcomfy.net.",
        Recursive = true,
        HelpName = "url",
    };

    public Option<bool> Emulator { get; } = new("--emulator")
    {
        Description = "Run against an in-process RunComfy emulator on loopback: no token, no network, no cost.",
        Recursive = true,
    };

    public Option<string?> DataDir { get; } = new("--data-dir")
    {
        Description = $"Folder of the request journal. Default: {Journal.JournalLocation.EnvironmentVariable}, else a comfy-schema folder in the user's local data folder.",
        Recursive = true,
        HelpName = "dir",
    };

    public void AddTo(Command root)
    {
        root.Options.Add(Json);
        root.Options.Add(Token);
        root.Options.Add(BaseAddress);
        root.Options.Add(Emulator);
        root.Options.Add(DataDir);
    }
}
