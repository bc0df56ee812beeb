using System.CommandLine;
using RunComfy.Cli.Rendering;
using RunComfy.Downloads;

namespace RunComfy.Cli.Commands;

/// <summary>
/// <c>--trust-origin &lt;url&gt;</c> (repeatable) on the commands that download: an exact origin (scheme, host, port)
/// outputs may come from besides RunComfy's hosts, over HTTP too and on any address; the CLI's way to set
/// <see cref="DownloadOptions.TrustedOrigins"/>, so its refusals name it instead of the library's property.
/// </summary>
internal static class TrustOriginOption
{
    public const string Name = "--trust-origin";

    /// <summary>A refused download's hint in the CLI's words: the option to add, with the origin to give it.</summary>
    public static DownloadTrustAdvice Advice { get; } = new(
        static origin => $"if you trust it, such as a local emulator, add {Name} {origin}",
        static origin => $"if you trust it, add {Name} {origin} to download from it");

    public static Option<string[]> Create()
    {
        var option = new Option<string[]>(Name)
        {
            Description = "Also download outputs from this origin (scheme, host and port), over HTTP too and on any address, e.g. a gateway on your network. Repeat it for each.",
            HelpName = "url",
            AllowMultipleArgumentsPerToken = false,
        };
        option.Validators.Add(result =>
        {
            foreach (var value in result.GetValueOrDefault<string[]>() ?? [])
            {
                if (Parse(value) is null)
                {
                    result.AddError($"{Name} '{Printable.Short(value, 200)}' is not an origin: give an http or https URL with a host and at most a port, e.g. http://192.168.1.5:8188 (no path, query or user info).");
                }
            }
        });
        return option;
    }

    /// <summary>The origins given, parsed (the validator has refused any other).</summary>
    public static IReadOnlyList<Uri> Read(ParseResult parse, Option<string[]> option) =>
        [.. (parse.GetValue(option) ?? []).Select(Parse).OfType<Uri>()];

    private static Uri? Parse(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var url)
        && (url.Scheme == Uri.UriSchemeHttp || url.Scheme == Uri.UriSchemeHttps)
        && url.UserInfo.Length == 0 && url.Query.Length == 0 && url.Fragment.Length == 0 && url.AbsolutePath == "/"
        && url.Host.Length > 0
            ? url
            : null;
}
