using System.CommandLine;
using RunComfy.Cli.Commands;
using RunComfy.Cli.Exit;

namespace RunComfy.Cli;

/// <summary>Parses and runs one command line; parse errors become exit code 64 (usage).</summary>
internal static class CliApp
{
    /// <summary>Runs <paramref name="args"/>; <paramref name="cancellationToken"/> is the first Ctrl-C (see <see cref="Interrupts.InterruptSignals"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = CommandTree.Create(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                await context.Error.WriteLineAsync(error.Message);
            }

            await context.Error.WriteLineAsync($"See '{string.Join(' ', ["comfy-schema", .. CommandPath(parse.CommandResult.Command, parse.RootCommandResult.Command)])} --help'.");
            return ExitCodes.Usage;
        }

        var configuration = new InvocationConfiguration
        {
            Output = context.Out,
            Error = context.Error,
            // Never end the process on Ctrl-C: a submit in flight would lose the paid job's id.
            // Signals are handled by InterruptSignals, which cancels the token passed in.
            ProcessTerminationTimeout = null,
        };
        return await parse.InvokeAsync(configuration, cancellationToken);
    }

    private static IEnumerable<string> CommandPath(Command command, Command root)
    {
        var names = new Stack<string>();
        for (var current = command; current is not null && current != root; current = current.Parents.OfType<Command>().FirstOrDefault())
        {
            names.Push(current.Name);
        }

        return names;
    }
}
