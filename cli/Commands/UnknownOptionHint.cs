using System.CommandLine;

namespace RunComfy.Cli.Commands;

/// <summary>
/// What to tell the user about an option a command does not have (<c>run --modle</c>): the closest options of that
/// command (its own and those it inherits), or the argument the name resembles (<c>--model</c> for
/// <c>&lt;model_id&gt;</c>), or else the commands the option belongs to; nothing when nothing is close. "Close" is
/// at most a third of the name's letters apart (a swap of two neighbours counts as one edit), at least one, so
/// <c>--foo</c> is not taken for <c>--json</c>.
/// </summary>
internal static class UnknownOptionHint
{
    private const int MaxSuggestions = 3;

    /// <summary>Whether an unmatched token was meant as an option (<c>-x</c>, <c>--name</c>, <c>--name=value</c>), not a negative number.</summary>
    public static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-' && !char.IsDigit(token[1]) && token[1] != '.';

    /// <summary>
    /// Makes every argument of the tree refuse a value that looks like an option: System.CommandLine hands an
    /// unknown <c>--modle</c> to the first free argument (<c>run --modle x</c> would run the model '--modle'). No
    /// model or request id starts with <c>--</c> or is a dash and one letter.
    /// </summary>
    public static void RefuseOptionLikeArguments(Command command)
    {
        foreach (var argument in command.Arguments)
        {
            argument.Validators.Add(result =>
            {
                foreach (var token in OptionLike(result.Tokens.Select(t => t.Value)))
                {
                    result.AddError($"Unrecognized command or argument '{token}'.");
                }
            });
        }

        foreach (var sub in command.Subcommands)
        {
            RefuseOptionLikeArguments(sub);
        }
    }

    /// <summary>The tokens given to an argument that were meant as options.</summary>
    public static IEnumerable<string> OptionLike(IEnumerable<string> argumentTokens) =>
        argumentTokens.Where(t => LooksLikeOption(t) && (t.StartsWith("--", StringComparison.Ordinal) || t.Length == 2));

    /// <summary>The option's name without a value written into the token (<c>--modle=x</c> is <c>--modle</c>).</summary>
    public static string NameOf(string token)
    {
        var end = token.IndexOfAny(['=', ':']);
        return end > 0 ? token[..end] : token;
    }

    /// <summary>The detail line under the ✗ line, or null when nothing is worth suggesting.</summary>
    public static string? Describe(string name, Command command, Command root, string commandPath)
    {
        var bare = name.TrimStart('-');
        // A letter or two is too little to guess from: '-x' is one edit from every short alias.
        var closest = bare.Length < 3 ? [] : AvailableOptions(command)
            .Where(alias => alias.TrimStart('-').Length >= 2)
            .Select(alias => (Alias: alias, Distance: Distance(bare, alias.TrimStart('-'))))
            .Where(c => c.Distance <= Threshold(bare))
            .OrderBy(c => c.Distance)
            .ThenBy(c => c.Alias, StringComparer.Ordinal)
            .ToList();
        if (closest.Count > 0)
        {
            var best = closest.TakeWhile(c => c.Distance == closest[0].Distance).Select(c => c.Alias).Distinct(StringComparer.Ordinal).Take(MaxSuggestions);
            return $"Did you mean: {string.Join(", ", best)}?";
        }

        // 'run --model x': the model id is an argument, given without a name.
        foreach (var argument in command.Arguments.Where(a => !a.Hidden && bare.Length >= 3))
        {
            var words = argument.Name.Split('_', '-');
            if (Distance(bare, argument.Name) <= Threshold(bare) || Distance(bare, words[0]) <= Threshold(bare))
            {
                return $"Did you mean the <{argument.Name}> argument? It is given without an option name: {commandPath} <{argument.Name}>.";
            }
        }

        var owners = CommandsWithOption(root, root, name).ToList();
        return owners.Count > 0 ? $"{name} is an option of: {string.Join(", ", owners)}." : null;
    }

    /// <summary>Every alias usable on <paramref name="command"/>: its own options and the recursive ones of the commands above it.</summary>
    private static IEnumerable<string> AvailableOptions(Command command)
    {
        var options = command.Options.AsEnumerable();
        for (var parent = Parent(command); parent is not null; parent = Parent(parent))
        {
            options = options.Concat(parent.Options.Where(o => o.Recursive));
        }

        return options.Where(o => !o.Hidden).SelectMany(o => o.Aliases.Prepend(o.Name)).Distinct(StringComparer.Ordinal);
    }

    private static IEnumerable<string> CommandsWithOption(Command command, Command root, string name)
    {
        foreach (var sub in command.Subcommands.Where(c => !c.Hidden))
        {
            if (sub.Options.Any(o => !o.Hidden && (o.Name == name || o.Aliases.Contains(name))))
            {
                yield return command == root ? sub.Name : $"{command.Name} {sub.Name}";
            }

            foreach (var deeper in CommandsWithOption(sub, root, name))
            {
                yield return deeper;
            }
        }
    }

    private static Command? Parent(Command command) => command.Parents.OfType<Command>().FirstOrDefault();

    private static int Threshold(string name) => Math.Max(1, name.Length / 3);

    /// <summary>Edits between two names, case-insensitive: insertions, deletions, substitutions and swaps of neighbours (optimal string alignment).</summary>
    private static int Distance(string a, string b)
    {
        a = a.ToLowerInvariant();
        b = b.ToLowerInvariant();
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (var j = 0; j <= b.Length; j++) d[0, j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
