using System.CommandLine;
using RunComfy.Cli.Waiting;

namespace RunComfy.Cli.Commands;

/// <summary><c>wait &lt;request_id&gt;</c>: resume a request (after <c>--no-wait</c>, Ctrl-C or a crash) and download its outputs.</summary>
internal static class WaitCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var requestId = RequestCommandSupport.RequestIdArgument();
        var timeout = TimeoutOption.Create();
        var delivery = new DeliveryOptionSet();
        var command = new Command("wait", "Wait for a submitted request with progress, then download its outputs. Uses the API address recorded in the journal.")
        {
            requestId, timeout,
        };
        delivery.AddTo(command);
        command.SetAction((parse, interrupt) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                await using var opened = await RequestCommandSupport.OpenAsync(parse, requestId, common, context, interrupt);
                var (id, journal, journaled, session) = opened;
                var outcome = await new JobWatcher(context, quiet: json)
                    .WatchAsync(session.Client, id, RunComfyRequestState.Unknown, TimeoutOption.Read(parse, timeout), interrupt, journaled?.SubmittedAt);
                return await new OutcomeReporter(context, json, journal)
                    .ReportAsync(session, id, journaled?.ModelId ?? "", outcome, delivery.Read(parse, context), journaled?.SubmittedAt, interrupt);
            });
        });
        return command;
    }
}
