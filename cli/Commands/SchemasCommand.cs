using System.CommandLine;
using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Rendering;
using RunComfy.Cli.Schemas;

namespace RunComfy.Cli.Commands;

/// <summary>
/// <c>schemas pull &lt;model_id&gt;...</c> writes RunComfy's input schemas where the generator reads them;
/// <c>schemas check</c> tells whether RunComfy changed them since, and whether the change breaks code built on them.
/// </summary>
internal static class SchemasCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var schemas = new Command("schemas", "Fetch RunComfy's input schemas into a schemas folder, and check local schemas for changes RunComfy made since.");
        schemas.Subcommands.Add(Pull(context, common));
        schemas.Subcommands.Add(Check(context, common));
        return schemas;
    }

    private static Option<string> DirOption() => new("--dir")
    {
        Description = "The schemas folder (the generator's: <dir>/<model_id>.json).",
        DefaultValueFactory = _ => "schemas",
        HelpName = "dir",
    };

    private static Command Pull(CliContext context, CommonOptions common)
    {
        var ids = new Argument<string[]>("model_id") { Description = "One or more model ids, e.g. kling/kling-3.0/pro/text-to-video.", Arity = ArgumentArity.OneOrMore };
        var dir = DirOption();
        var command = new Command("pull", "Write <dir>/<model_id>.json for each model: its input schema as RunComfy publishes it, ready for the generator.") { ids, dir };
        command.SetAction((parse, cancellationToken) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                var modelIds = parse.GetValue(ids)!.Distinct(StringComparer.Ordinal).ToArray();
                var directory = Path.GetFullPath(Path.Combine(context.CurrentDirectory, parse.GetValue(dir)!));
                var problems = modelIds.Select(SchemaFiles.Problem).OfType<string>().ToArray();
                if (problems.Length > 0)
                {
                    // Every bad id at once, before anything is fetched or written.
                    throw new CliException(ExitCodes.Usage, string.Join(Environment.NewLine, problems.Select(p => p + ".")));
                }

                await using var session = await OpenAsync(parse, common, context, cancellationToken);
                var pulled = new List<(string Id, string Path)>();
                var failed = new List<(string Id, string Message)>();
                foreach (var id in modelIds)
                {
                    try
                    {
                        var model = await session.Client.GetModelAsync(id, cancellationToken);
                        var path = SchemaFiles.PathOf(directory, id);
                        await SchemaFiles.WriteAsync(path, model.InputSchemaJson!, cancellationToken);
                        pulled.Add((id, path));
                    }
                    catch (RunComfyException e) when (e.ErrorCode == RunComfyErrorCodes.InvalidResourceId)
                    {
                        failed.Add((id, "RunComfy does not know this model (400001)"));
                    }
                }

                WritePullReport(context, json, pulled, failed);
                return failed.Count == 0 ? ExitCodes.Ok : ExitCodes.BadInput;
            });
        });
        return command;
    }

    private static Command Check(CliContext context, CommonOptions common)
    {
        var dir = DirOption();
        var command = new Command("check",
            $"Compare every schema in <dir> with RunComfy's current one. Exit {ExitCodes.Ok}: in sync; {ExitCodes.SchemaDriftCompatible}: compatible changes only; " +
            $"{ExitCodes.SchemaDriftBreaking}: a change breaks code built on the local schemas; {ExitCodes.BadInput}: a local file could not be checked.") { dir };
        command.SetAction((parse, cancellationToken) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                var directory = Path.GetFullPath(Path.Combine(context.CurrentDirectory, parse.GetValue(dir)!));
                SchemaCheck.RequireFolder(directory);
                await using var session = await OpenAsync(parse, common, context, cancellationToken);
                var results = await SchemaCheck.RunAsync(session.Client, directory, cancellationToken);
                var exitCode = SchemaCheck.ExitCodeOf(results);
                if (json)
                {
                    JsonOutput.Write(context.Out, writer => DriftRenderer.WriteJson(writer, results, exitCode));
                }
                else
                {
                    DriftRenderer.WriteText(context.Out, results);
                }

                return exitCode;
            });
        });
        return command;
    }

    private static Task<ClientSession> OpenAsync(ParseResult parse, CommonOptions common, CliContext context, CancellationToken cancellationToken) =>
        ClientSessionFactory.OpenAsync(new ConnectionRequest(parse.GetValue(common.Token), parse.GetValue(common.BaseAddress), parse.GetValue(common.Emulator)), context, cancellationToken);

    private static void WritePullReport(CliContext context, bool json, List<(string Id, string Path)> pulled, List<(string Id, string Message)> failed)
    {
        if (json)
        {
            JsonOutput.Write(context.Out, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartArray("pulled");
                foreach (var (id, path) in pulled)
                {
                    writer.WriteStartObject();
                    writer.WriteString("model_id", id);
                    writer.WriteString("path", path);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteStartArray("failed");
                foreach (var (id, message) in failed)
                {
                    writer.WriteStartObject();
                    writer.WriteString("model_id", id);
                    writer.WriteString("message", message);
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
            });
            return;
        }

        foreach (var (id, path) in pulled)
        {
            context.Out.WriteLine($"✓ {id} -> {Path.GetRelativePath(context.CurrentDirectory, path)}");
        }

        foreach (var (id, message) in failed)
        {
            context.Error.WriteLine($"✗ {id}: {message}");
        }
    }
}
