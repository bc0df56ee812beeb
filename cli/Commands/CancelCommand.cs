using System.CommandLine;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Rendering;
using RunComfy.Cli.Waiting;

namespace RunComfy.Cli.Commands;

/// <summary><c>cancel &lt;request_id&gt;</c>: cancel a queued request; a running one answers that it cannot be.</summary>
internal static class CancelCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var requestId = RequestCommandSupport.RequestIdArgument();
        var command = new Command("cancel", "Cancel a request while it is queued (a running request cannot be cancelled; exit code 1 then).") { requestId };
        command.SetAction((parse, cancellationToken) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                await using var opened = await RequestCommandSupport.OpenAsync(parse, requestId, common, context, cancellationToken);
                var (id, journal, journaled, session) = opened;
                var result = await session.Client.CancelAsync(id, cancellationToken);
                var outcome = StateNames.Of(result.Outcome);
                if (result.Outcome == CancelOutcome.Cancelled)
                {
                    await journal.UpdateStateAsync(id, "cancelled", CancellationToken.None);
                }

                if (json)
                {
                    JsonOutput.Write(context.Out, writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteString("request_id", id);
                        writer.WriteString("outcome", outcome);
                        writer.WriteEndObject();
                    });
                }
                else
                {
                    context.Out.WriteLine(result.Outcome switch
                    {
                        CancelOutcome.Cancelled => $"{id}: cancelled.",
                        CancelOutcome.CancellationRequested => $"{id}: cancellation requested; check with 'comfy-schema status {id}'.",
                        CancelOutcome.NotCancellable => $"{id}: not cancellable (it already runs, or has finished). Fetch it with 'comfy-schema wait {id}'.",
                        _ => $"{id}: the API answered '{Printable.Line(result.RawOutcome)}'.",
                    });
                }

                return result.Outcome is CancelOutcome.Cancelled or CancelOutcome.CancellationRequested ? ExitCodes.Ok : ExitCodes.Failed;
            });
        });
        return command;
    }
}
