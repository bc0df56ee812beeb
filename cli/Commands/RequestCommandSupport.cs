using System.CommandLine;
using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Journal;

namespace RunComfy.Cli.Commands;

/// <summary>What the commands that take a request id share: the argument, the journal lookup and the session.</summary>
internal static class RequestCommandSupport
{
    public static Argument<string> RequestIdArgument() => new("request_id") { Description = "The request id (see 'comfy-schema requests')." };

    /// <summary>
    /// Reads the request id, finds it in the journal, and opens a session on the API it was submitted
    /// to (from the journal) unless the options say otherwise.
    /// </summary>
    public static async Task<OpenedRequest> OpenAsync(ParseResult parse, Argument<string> requestId, CommonOptions common, CliContext context, CancellationToken cancellationToken)
    {
        var id = parse.GetValue(requestId)!;

        // One safe path segment, checked before the journal, the session or the network are touched.
        RunComfy.Client.Wire.RequestIds.Validate(id, "requestId");
        var journal = new RequestJournal(JournalLocation.Resolve(parse.GetValue(common.DataDir), context.GetEnvironmentVariable));
        var journaled = await journal.FindAsync(id, cancellationToken);
        if (journaled is null && !parse.GetValue(common.Emulator) && TokenSource.Resolve(parse.GetValue(common.Token), context.GetEnvironmentVariable) is null)
        {
            // Only the API can tell whether an id of the right form exists; without a token, say what is known here.
            throw new CliException(ExitCodes.NoPermission,
                $"No API token, and {RunComfy.Client.Wire.RequestIds.Show(id)} is not in this CLI's journal ({journal.FilePath}): check the id. "
                + "To ask RunComfy about it, pass --token, or set RUNCOMFY_API_TOKEN (or RUNCOMFY_TOKEN).");
        }

        var session = await ClientSessionFactory.OpenAsync(
            new ConnectionRequest(parse.GetValue(common.Token), parse.GetValue(common.BaseAddress), parse.GetValue(common.Emulator), journaled?.BaseAddress),
            context,
            cancellationToken);
        return new OpenedRequest(id, journal, journaled, session);
    }
}

/// <summary>A request id with its journal, its journal entry (if any) and a session; disposing it closes the session.</summary>
internal sealed record OpenedRequest(string Id, RequestJournal Journal, JournaledRequest? Journaled, ClientSession Session) : IAsyncDisposable
{
    public ValueTask DisposeAsync() => Session.DisposeAsync();
}
