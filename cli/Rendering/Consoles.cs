using Spectre.Console;

namespace RunComfy.Cli.Rendering;

/// <summary>Spectre consoles over the context's writers: colour and live displays only for a person at a terminal.</summary>
internal static class Consoles
{
    public static IAnsiConsole For(TextWriter writer, bool interactive)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = interactive ? InteractionSupport.Yes : InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        if (!interactive)
        {
            // Redirected output has no window width; do not wrap tables at 80 columns.
            console.Profile.Width = 160;
        }

        return console;
    }
}
