using System.CommandLine;
using RunComfy.Cli.Commands;
using RunComfy.Cli.Exit;

namespace RunComfy.Cli;

/// <summary>Parses and runs one command line; parse errors become exit code 64 (usage), reported by <see cref="ParseErrorReport"/>.</summary>
internal static class CliApp
{
    /// <summary>Runs <paramref name="args"/>; <paramref name="cancellationToken"/> is the first Ctrl-C (see <see cref="Interrupts.InterruptSignals"/>).</summary>
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        var parse = CommandTree.Create(context).Parse(args);
        if (parse.Errors.Count > 0)
        {
            return await ParseErrorReport.WriteAsync(parse, context);
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
}
