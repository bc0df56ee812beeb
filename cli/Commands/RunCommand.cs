using System.CommandLine;
using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Inputs;
using RunComfy.Cli.Journal;
using RunComfy.Cli.Models;
using RunComfy.Cli.Rendering;
using RunComfy.Cli.Waiting;

namespace RunComfy.Cli.Commands;

/// <summary>
/// <c>run &lt;model_id&gt;</c>: validate, submit, journal, wait with progress, download. A journal line
/// is written before the submit is sent and completed with the request id before any waiting, so a
/// paid job survives a crash or a closed terminal (see <see cref="JournaledSubmit"/>).
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
        var refreshSchema = new Option<bool>("--refresh-schema") { Description = "For a model not compiled into the CLI: fetch its schema from the API even if the cached copy is less than a day old." };
        var noWait = new Option<bool>("--no-wait") { Description = "Submit, print the request id and exit; fetch it later with 'wait'." };
        var timeout = TimeoutOption.Create();
        var delivery = new DeliveryOptionSet();

        var command = new Command("run", "Validate the input, submit it, show progress, and download the outputs.")
        {
            modelId, inputs, inputFile, noWait, refreshSchema, timeout,
        };
        delivery.AddTo(command);
        command.SetAction((parse, interrupt) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                var id = parse.GetValue(modelId)!;
                var useEmulator = parse.GetValue(common.Emulator);
                var connection = new ConnectionRequest(parse.GetValue(common.Token), parse.GetValue(common.BaseAddress), useEmulator);

                // A compiled model is checked before any connection (no token needed to find input mistakes); any
                // other model id is loaded from the API first: its schema decides what the input must be.
                ClientSession? session = null;
                try
                {
                    if (!ModelCatalog.TryGet(id, out var model))
                    {
                        // What can be checked without the schema is checked before a token is asked for.
                        var early = ArgumentCheck.Problems(id, parse.GetValue(inputFile), parse.GetValue(inputs) ?? [], context.CurrentDirectory);
                        if (early.Count > 0)
                        {
                            var earlyExit = RequestPreparer.ExitCodeFor(early);
                            ProblemReport.Write(context, json, id, early, earlyExit);
                            return earlyExit;
                        }

                        session = await ClientSessionFactory.OpenAsync(connection, context, interrupt);
                        model = await LoadRemoteAsync(context, parse, common, session, id, parse.GetValue(refreshSchema), interrupt);
                    }

                    var (request, problems) = await new RequestPreparer(model, context.CurrentDirectory)
                        .PrepareAsync(parse.GetValue(inputFile), parse.GetValue(inputs) ?? [], probeRemoteMedia: !useEmulator, interrupt);
                    if (request is null)
                    {
                        var exitCode = RequestPreparer.ExitCodeFor(problems);
                        ProblemReport.Write(context, json, id, problems, exitCode);
                        return exitCode;
                    }

                    session ??= await ClientSessionFactory.OpenAsync(connection, context, interrupt);
                    return await SubmitAndWaitAsync(context, parse, common, session, model, request, json, noWait, timeout, delivery, interrupt);
                }
                finally
                {
                    if (session is not null)
                    {
                        await session.DisposeAsync();
                    }
                }
            });
        });
        return command;
    }

    private static Task<ModelInfo> LoadRemoteAsync(CliContext context, ParseResult parse, CommonOptions common, ClientSession session, string id, bool refresh, CancellationToken cancellationToken)
    {
        var source = context.ModelSchemaSource ?? CatalogSchemaSource.Instance;
        var cache = new SchemaCache(JournalLocation.Resolve(parse.GetValue(common.DataDir), context.GetEnvironmentVariable));
        return new RemoteModelLoader(cache, source).LoadAsync(session, id, refresh, cancellationToken);
    }

    private static async Task<int> SubmitAndWaitAsync(
        CliContext context,
        ParseResult parse,
        CommonOptions common,
        ClientSession session,
        ModelInfo model,
        IRunComfyRequest request,
        bool json,
        Option<bool> noWait,
        Option<TimeSpan?> timeout,
        DeliveryOptionSet delivery,
        CancellationToken interrupt)
    {
        // The in-process emulator dies with this command: its requests (and its throwaway
        // loopback port) must not reach the user's journal, where a later 'wait' would send the
        // real token to whatever listens on that port then.
        var journal = session.IsEmulator ? null : new RequestJournal(JournalLocation.Resolve(parse.GetValue(common.DataDir), context.GetEnvironmentVariable));
        if (session.IsEmulator && !json)
        {
            context.Error.WriteLine($"Using the in-process emulator at {session.BaseAddress} (no token, no network, no cost; not journaled).");
        }

        // The first Ctrl-C does not stop the submit (that could lose a billed job's id); it is
        // handled right after, as a cancel. A second one abandons it (see JournaledSubmit).
        var submittedAt = DateTimeOffset.UtcNow;
        var handle = await new JournaledSubmit(context, session, journal).SubmitAsync(request, interrupt);

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
            .WatchAsync(session.Client, handle.RequestId, RunComfyRequestState.InQueue, TimeoutOption.Read(parse, timeout), interrupt);
        return await new OutcomeReporter(context, json, journal)
            .ReportAsync(session, handle.RequestId, model.ModelId, outcome, delivery.Read(parse, context), submittedAt, interrupt);
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
                writer.WriteString("status_url", Printable.Url(handle.StatusUrl));
                writer.WriteString("result_url", Printable.Url(handle.ResultUrl));
                writer.WriteString("cancel_url", Printable.Url(handle.CancelUrl));
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
