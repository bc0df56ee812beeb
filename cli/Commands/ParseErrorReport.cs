using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Rendering;

namespace RunComfy.Cli.Commands;

/// <summary>
/// Writes the command line's parse errors in the style of every other error: one <c>✗</c> line each, an
/// unknown command named as such with the closest commands (System.CommandLine's own typo corrections)
/// or, when none is close, the list of commands; an unknown option named as such with the closest options
/// (<see cref="UnknownOptionHint"/>); then where to find help. The exit code is 64 (usage).
/// </summary>
internal static class ParseErrorReport
{
    public static async Task<int> WriteAsync(ParseResult parse, CliContext context)
    {
        var command = parse.CommandResult.Command;
        var path = string.Join(' ', ["comfy-schema", .. CommandPath(command, parse.RootCommandResult.Command)]);
        var unknownCommand = command.Subcommands.Count > 0 && parse.UnmatchedTokens.Count > 0 && !parse.UnmatchedTokens[0].StartsWith('-')
            ? parse.UnmatchedTokens[0]
            : null;

        // 'comfy-schema' or 'comfy-schema schemas' alone (or with options only): say which commands there are, not "Required command was not provided."
        var missingCommand = unknownCommand is null && command.Subcommands.Count > 0 && command.Action is null;
        if (missingCommand)
        {
            var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();
            await context.Error.WriteLineAsync($"✗ {path} needs a command.");
            await context.Error.WriteLineAsync($"  Commands: {string.Join(", ", commands)}.");
        }

        if (unknownCommand is not null)
        {
            var commands = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToArray();
            var closest = TypoCorrections(parse, commands);
            await context.Error.WriteLineAsync($"✗ '{Printable.Short(unknownCommand)}' is not a {path} command.");
            await context.Error.WriteLineAsync(closest.Count > 0
                ? $"  Did you mean: {string.Join(", ", closest)}?"
                : $"  Commands: {string.Join(", ", commands)}.");
        }

        // 'run --modle x': named as an option this command does not have, with the closest ones, not as an "argument".
        var unknownOptions = unknownCommand is null
            ? parse.UnmatchedTokens.Where(UnknownOptionHint.LooksLikeOption)
                .Concat(UnknownOptionHint.OptionLike(parse.CommandResult.Children.OfType<ArgumentResult>().SelectMany(a => a.Tokens).Select(t => t.Value)))
                .Distinct(StringComparer.Ordinal).ToArray()
            : [];
        foreach (var token in unknownOptions)
        {
            var name = UnknownOptionHint.NameOf(token);
            await context.Error.WriteLineAsync($"✗ '{Printable.Short(name)}' is not an option of {path}.");
            if (UnknownOptionHint.Describe(name, command, parse.RootCommandResult.Command, path) is { } hint)
            {
                await context.Error.WriteLineAsync($"  {hint}");
            }
        }

        var explained = unknownOptions.Concat(ValuesOf(unknownOptions, parse)).ToArray();
        foreach (var message in parse.Errors.Select(e => e.Message)
            .Where(m => (unknownCommand is null && !missingCommand) || !IsAboutUnknownCommand(m, parse.UnmatchedTokens))
            .Where(m => !Mentions(m, explained)))
        {
            await context.Error.WriteLineAsync($"✗ {Printable.Line(message)}");
        }

        await context.Error.WriteLineAsync($"  See '{path} --help'.");
        return ExitCodes.Usage;
    }

    /// <summary>
    /// The library's "Required command was not provided." and "Unrecognized command or argument" lines say
    /// less than the one line written for an unknown command, so they are left out then: for the unknown command
    /// and for the tokens after it, which were meant as its arguments ('runn m' is one mistake, not two).
    /// </summary>
    private static bool IsAboutUnknownCommand(string message, IReadOnlyList<string> unmatched) =>
        Mentions(message, unmatched) || message.StartsWith("Required command", StringComparison.Ordinal);

    private static bool Mentions(string message, IReadOnlyList<string> tokens) =>
        tokens.Any(token => message.Contains($"'{token}'", StringComparison.Ordinal));

    /// <summary>
    /// The unmatched tokens right after an unknown option, taken as its value ('status id --output-dir x': one
    /// mistake, one ✗ line); a token that looks like an option is not a value.
    /// </summary>
    private static IEnumerable<string> ValuesOf(string[] unknownOptions, ParseResult parse)
    {
        var tokens = parse.Tokens.Select(t => t.Value).ToList();
        for (var i = 0; i < tokens.Count - 1; i++)
        {
            if (unknownOptions.Contains(tokens[i], StringComparer.Ordinal) && !tokens[i].Contains('=', StringComparison.Ordinal)
                && !UnknownOptionHint.LooksLikeOption(tokens[i + 1]) && parse.UnmatchedTokens.Contains(tokens[i + 1]))
            {
                yield return tokens[i + 1];
            }
        }
    }

    /// <summary>
    /// The commands System.CommandLine's typo correction suggests: its parse error action is run with help off
    /// and its output captured; only the lines that name one of <paramref name="commands"/> are kept, so its
    /// (localised) header line and option suggestions never reach the user.
    /// </summary>
    private static IReadOnlyList<string> TypoCorrections(ParseResult parse, string[] commands)
    {
        if (parse.Action is not ParseErrorAction action)
        {
            return [];
        }

        action.ShowHelp = false;
        action.ShowTypoCorrections = true;
        var suggestions = new StringWriter();
        parse.Invoke(new InvocationConfiguration { Output = suggestions, Error = TextWriter.Null });
        return suggestions.ToString()
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(line => commands.Contains(line, StringComparer.Ordinal))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
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
