using System.CommandLine;
using RunComfy.Cli.Waiting;

namespace RunComfy.Cli.Commands;

/// <summary><c>result &lt;request_id&gt;</c>: one result call; downloads the outputs when the request completed.</summary>
internal static class ResultCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var requestId = RequestCommandSupport.RequestIdArgument();
        var cost = new Option<bool>("--cost") { Description = "Also ask for the request's cost (USD)." };
        var delivery = new DeliveryOptionSet();
        var command = new Command("result", "Fetch a request's result once (no waiting); download its outputs if it completed.") { requestId, cost };
        delivery.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                await using var opened = await RequestCommandSupport.OpenAsync(parse, requestId, common, context, cancellationToken);
                var (id, journal, journaled, session) = opened;
                var result = await session.Client.GetResultAsync(id, parse.GetValue(cost), cancellationToken);
                return await new OutcomeReporter(context, json, journal)
                    .ReportResultAsync(session, result, journaled?.ModelId ?? "", delivery.Read(parse, context), elapsed: null, journaled?.SubmittedAt, cancellationToken);
            });
        });
        return command;
    }
}
