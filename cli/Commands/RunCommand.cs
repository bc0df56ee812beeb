using System.CommandLine;
using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Inputs;
using RunComfy.Cli.Journal;
using RunComfy.Cli.Rendering;
using RunComfy.Cli.Waiting;

namespace RunComfy.Cli.Commands;

/// <summary>
/// <c>run &lt;model_id&gt;</c>: validate, submit, journal, wait with progress, download. The journal
/// line is written right after the submit answers and before any waiting, so the request id of a
/// paid job survives a crash or a closed terminal.
/// </summary>
internal static class RunCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var modelId = new Argument<string>("model_id") { Description = "The model to run, e.g. bytedance/seedream-4-0/edit (see 'comfy-schema models')." };
        var inputs = new Option<string[]>("--input", "-i")
        {
            Description = "An input as key=value; repeat it for each input and for each item of an array. Values are typed by the schema; @path reads a local media file.",
            HelpName = "key=value",
            AllowMultipleArgumentsPerToken = false,
        };
        var inputFile = new Option<string?>("--input-file", "-f")
        {
            Description = "A JSON file holding the model's input object; --input values replace its keys.",
            HelpName = "file",
        };
        var noWait = new Option<bool>("--no-wait") { Description = "Submit, print the request id and exit; fetch it later with 'wait'." };
        var timeout = TimeoutOption.Create();
        var delivery = new DeliveryOptionSet();

        var command = new Command("run", "Validate the input, submit it, show progress, and download the outputs.")
        {
            modelId, inputs, inputFile, noWait, timeout,
        };
        delivery.AddTo(command);
        command.SetAction((parse, interrupt) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                var id = parse.GetValue(modelId)!;
                if (!ModelCatalog.TryGet(id, out var model))
                {
                    throw new CliException(ExitCodes.BadInput, ModelsCommand.UnknownModelMessage(id));
                }

                var useEmulator = parse.GetValue(common.Emulator);
                var (request, problems) = await new RequestPreparer(model, context.CurrentDirectory)
                    .PrepareAsync(parse.GetValue(inputFile), parse.GetValue(inputs) ?? [], probeRemoteMedia: !useEmulator, interrupt);
                if (request is null)
                {
                    var exitCode = RequestPreparer.ExitCodeFor(problems);
                    ProblemReport.Write(context, json, id, problems, exitCode);
                    return exitCode;
                }

                var journal = new RequestJournal(JournalLocation.Resolve(parse.GetValue(common.DataDir), context.GetEnvironmentVariable));
                await using var session = await ClientSessionFactory.OpenAsync(
                    new ConnectionRequest(parse.GetValue(common.Token), parse.GetValue(common.BaseAddress), useEmulator), context, interrupt);

                if (session.IsEmulator && !json)
                {
                    context.Error.WriteLine($"Using the in-process emulator at {session.BaseAddress} (no token, no network, no cost).");
                }

                // The submit is not tied to Ctrl-C: abandoning it half-way could leave a billed job
                // with no id. Ctrl-C pressed meanwhile is handled right after, as a cancel.
                var handle = await session.Client.SubmitAsync(request, CancellationToken.None);
                await RecordAsync(context, journal, handle, session.BaseAddress);

                if (parse.GetValue(noWait))
                {
                    ReportSubmitted(context, json, handle, session.IsEmulator);
                    return ExitCodes.Ok;
                }

                if (!json)
                {
                    context.Error.WriteLine($"Submitted {handle.RequestId} ({model.ModelId}).");
                }

                var outcome = await new JobWatcher(context, quiet: json)
                    .WatchAsync(session.Client, handle.RequestId, RunComfyRequestState.InQueue, parse.GetValue(timeout), interrupt);
                return await new OutcomeReporter(context, json, journal)
                    .ReportAsync(session, handle.RequestId, model.ModelId, outcome, delivery.Read(parse, context), CancellationToken.None);
            });
        });
        return command;
    }

    private static async Task RecordAsync(CliContext context, RequestJournal journal, RequestHandle handle, Uri baseAddress)
    {
        try
        {
            await journal.AppendAsync(new JournalRecord(handle.RequestId, handle.ModelId, "submitted", baseAddress.ToString(), DateTimeOffset.UtcNow));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The job exists and is paid for: never fail it for the journal's sake, but make sure the id is seen.
            context.Error.WriteLine($"! Could not write the journal ({journal.FilePath}): {e.Message}. Note the request id: {handle.RequestId}");
        }
    }

    private static void ReportSubmitted(CliContext context, bool json, RequestHandle handle, bool emulator)
    {
        if (json)
        {
            JsonOutput.Write(context.Out, writer =>
            {
                writer.WriteStartObject();
                writer.WriteString("request_id", handle.RequestId);
                writer.WriteString("model_id", handle.ModelId);
                writer.WriteString("state", "submitted");
                writer.WriteString("status_url", handle.StatusUrl.ToString());
                writer.WriteString("result_url", handle.ResultUrl.ToString());
                writer.WriteString("cancel_url", handle.CancelUrl.ToString());
                writer.WriteEndObject();
            });
            return;
        }

        context.Out.WriteLine(handle.RequestId);
        context.Error.WriteLine(emulator
            ? "Submitted to the in-process emulator, which stops with this command: there is nothing to wait for later."
            : $"Submitted. Wait for it with: comfy-schema wait {handle.RequestId}");
    }
}
