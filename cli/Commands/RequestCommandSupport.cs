using System.CommandLine;
using RunComfy.Cli.Connection;
using RunComfy.Cli.Journal;

namespace RunComfy.Cli.Commands;

/// <summary>What the commands that take a request id share: the argument, the journal lookup and the session.</summary>
internal static class RequestCommandSupport
{
    public static Argument<string> RequestIdArgument() => new("request_id") { Description = "The request id (see 'comfy-schema requests')." };

    public static RequestJournal OpenJournal(ParseResult parse, CommonOptions common, CliContext context) =>
        new(JournalLocation.Resolve(parse.GetValue(common.DataDir), context.GetEnvironmentVariable));

    /// <summary>Opens a session on the API the request was submitted to (from the journal) unless told otherwise.</summary>
    public static async Task<ClientSession> OpenSessionAsync(ParseResult parse, CommonOptions common, CliContext context, JournaledRequest? journaled, CancellationToken cancellationToken) =>
        await ClientSessionFactory.OpenAsync(
            new ConnectionRequest(parse.GetValue(common.Token), parse.GetValue(common.BaseAddress), parse.GetValue(common.Emulator), journaled?.BaseAddress),
            context,
            cancellationToken);
}
