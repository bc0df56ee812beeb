using System.CommandLine;
using RunComfy.Cli.Waiting;

namespace RunComfy.Cli.Commands;

/// <summary>The options of commands that download outputs: <c>run</c>, <c>wait</c>, <c>result</c>.</summary>
internal sealed class DeliveryOptionSet
{
    /// <summary>Where outputs go when <c>--output-dir</c> is not given (under the working directory).</summary>
    public const string DefaultOutputDirectory = "outputs";

    public Option<string?> OutputDir { get; } = new("--output-dir", "-o")
    {
        Description = $"Folder to write the outputs to (created if needed). Default: ./{DefaultOutputDirectory}",
        HelpName = "dir",
    };

    public Option<long> MaxDownloadMb { get; } = new("--max-download-mb")
    {
        Description = "Refuse an output file larger than this many MiB.",
        DefaultValueFactory = _ => DownloadOptions.DefaultMaxBytesPerFile / (1024 * 1024),
        HelpName = "MiB",
    };

    public Option<bool> NoDownload { get; } = new("--no-download")
    {
        Description = "Print the output URLs instead of downloading them.",
    };

    public Option<string[]> TrustOrigin { get; } = TrustOriginOption.Create();

    public DeliveryOptionSet()
    {
        MaxDownloadMb.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<long>() <= 0)
            {
                result.AddError("--max-download-mb must be positive.");
            }
        });
    }

    public void AddTo(Command command)
    {
        command.Options.Add(OutputDir);
        command.Options.Add(MaxDownloadMb);
        command.Options.Add(NoDownload);
        command.Options.Add(TrustOrigin);
    }

    public DeliveryOptions Read(ParseResult parse, CliContext context) => new(
        Path.GetFullPath(parse.GetValue(OutputDir) ?? DefaultOutputDirectory, context.CurrentDirectory),
        parse.GetValue(MaxDownloadMb) * 1024 * 1024,
        !parse.GetValue(NoDownload))
    {
        TrustedOrigins = TrustOriginOption.Read(parse, TrustOrigin),
    };
}
