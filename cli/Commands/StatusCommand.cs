using System.CommandLine;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Rendering;
using RunComfy.Cli.Waiting;

namespace RunComfy.Cli.Commands;

/// <summary><c>status &lt;request_id&gt;</c>: one status call.</summary>
internal static class StatusCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var requestId = RequestCommandSupport.RequestIdArgument();
        var command = new Command("status", "Show a request's state (and queue position while queued).") { requestId };
        command.SetAction((parse, cancellationToken) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                await using var opened = await RequestCommandSupport.OpenAsync(parse, requestId, common, context, cancellationToken);
                var (id, journal, journaled, session) = opened;
                var status = await session.Client.GetStatusAsync(id, cancellationToken);
                var state = StateNames.Of(status.State, status.RawStatus);
                await journal.UpdateStateAsync(id, state, CancellationToken.None);
                if (json)
                {
                    JsonOutput.Write(context.Out, writer =>
                    {
                        writer.WriteStartObject();
                        writer.WriteString("request_id", status.RequestId);
                        writer.WriteString("state", state);
                        if (status.QueuePosition is { } position)
                        {
                            writer.WriteNumber("queue_position", position);
                        }

                        writer.WriteEndObject();
                    });
                }
                else
                {
                    var position = status.QueuePosition is { } p ? $" (queue position {p})" : "";
                    context.Out.WriteLine($"{status.RequestId}: {state}{position}");
                }

                return ExitCodes.Ok;
            });
        });
        return command;
    }
}
