using RunComfy.Client.Wire;

namespace RunComfy.Cli.Rendering;

/// <summary>
/// Server text made safe to print: escape sequences (CSI, OSC...) and C0/C1 control characters removed by
/// the runtime's one rule (<see cref="ServerText.StripControls"/>), so an answer can neither retitle or
/// clear the terminal nor overwrite a line. Applied to every server string in text and <c>--json</c> output.
/// </summary>
internal static class Printable
{
    /// <summary>One line: controls removed, line breaks become spaces.</summary>
    public static string Line(string? text) => text is null ? "" : ServerText.StripControls(text);

    /// <summary>Catalog and schema text (names, descriptions, drift messages): <see cref="Line"/>, cut to <paramref name="maxChars"/>.</summary>
    public static string Short(string? text, int maxChars = 500) => ServerText.Cut(Line(text), maxChars);

    /// <summary>A URL: its escaped form (no raw control or space characters), then <see cref="Line"/>.</summary>
    public static string Url(Uri url) => Line(url.IsAbsoluteUri ? url.AbsoluteUri : url.OriginalString);

    /// <summary>A message of several lines (the CLI's own line breaks kept): each line cleaned on its own.</summary>
    public static string Lines(string? text) =>
        text is null ? "" : string.Join(Environment.NewLine, text.Split('\n').Select(line => Line(line.TrimEnd('\r'))));
}
