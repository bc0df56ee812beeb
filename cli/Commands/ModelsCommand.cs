using System.CommandLine;
using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Rendering;
using RunComfy.Cli.Schemas;

namespace RunComfy.Cli.Commands;

/// <summary>
/// <c>models</c> (compiled models, or RunComfy's catalog with <c>--remote</c>) and <c>models show &lt;id&gt;</c>
/// (a compiled model, else the model as the API describes it).
/// </summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var remote = new Option<bool>("--remote") { Description = "List RunComfy's catalog (GET /v1/models) instead of the models compiled into this CLI." };
        var search = new Option<string?>("--search") { Description = "With --remote: only models whose id or name contains this text.", HelpName = "text" };
        var category = new Option<string?>("--category") { Description = "With --remote: only models of this category, e.g. text-to-video.", HelpName = "category" };
        var kind = new Option<string?>("--kind") { Description = "With --remote: only models of this kind: image, video or audio.", HelpName = "kind" };
        var list = new Command("models", "List the models this CLI knows, with their parameters (type, allowed values, default, limits); --remote lists RunComfy's whole catalog.")
        {
            remote, search, category, kind,
        };
        list.SetAction((parse, cancellationToken) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                if (!parse.GetValue(remote))
                {
                    if (parse.GetValue(search) is not null || parse.GetValue(category) is not null || parse.GetValue(kind) is not null)
                    {
                        throw new CliException(ExitCodes.Usage, "--search, --category and --kind filter RunComfy's catalog: add --remote.");
                    }

                    WriteCompiled(context, json, ModelCatalog.All);
                    return ExitCodes.Ok;
                }

                await using var session = await OpenAsync(parse, common, context, cancellationToken);
                var options = new ModelListOptions { Search = parse.GetValue(search), Category = parse.GetValue(category), Kind = parse.GetValue(kind), PageSize = 100 };
                var models = await session.Client.ListModelsAsync(options, cancellationToken).ToListAsync(cancellationToken);
                if (json)
                {
                    JsonOutput.Write(context.Out, writer => ModelRenderer.WriteCatalogJson(writer, models));
                }
                else
                {
                    ModelRenderer.WriteCatalog(Consoles.For(context.Out, context.IsInteractive), models);
                }

                return ExitCodes.Ok;
            });
        });

        var modelId = new Argument<string>("model_id") { Description = "The model id, e.g. bytedance/seedream-4-0/edit." };
        var show = new Command("show", "Show one model: every parameter with its description, limits and media rules. A model not compiled in is looked up in RunComfy's catalog.") { modelId };
        show.SetAction((parse, cancellationToken) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                var id = parse.GetValue(modelId)!;
                if (ModelCatalog.TryGet(id, out var compiled))
                {
                    WriteCompiled(context, json, [compiled], single: true);
                    return ExitCodes.Ok;
                }

                // Before a token is asked for or anything is sent: an id that cannot be a model id is a usage error.
                if (SchemaFiles.Problem(id) is { } idProblem)
                {
                    throw new CliException(ExitCodes.Usage, idProblem + ".");
                }

                if (!parse.GetValue(common.Emulator) && TokenSource.Resolve(parse.GetValue(common.Token), context.GetEnvironmentVariable) is null)
                {
                    throw new CliException(ExitCodes.BadInput, UnknownModelMessage(id) + " To look it up in RunComfy's catalog, pass a token (--token, RUNCOMFY_API_TOKEN).");
                }

                await using var session = await OpenAsync(parse, common, context, cancellationToken);
                var model = await RemoteModels.GetAsync(session, id, cancellationToken);
                var parameters = RemoteModels.ParametersOf(model);
                if (json)
                {
                    JsonOutput.Write(context.Out, writer => ModelRenderer.WriteRemoteJson(writer, model, parameters));
                }
                else
                {
                    ModelRenderer.WriteRemote(Consoles.For(context.Out, context.IsInteractive), model, parameters);
                }

                return ExitCodes.Ok;
            });
        });

        list.Subcommands.Add(show);
        return list;
    }

    public static string UnknownModelMessage(string id) =>
        $"Unknown model '{Printable.Short(id)}'. Known models: {string.Join(", ", ModelCatalog.All.Select(m => m.ModelId))}. See 'comfy-schema models'.";

    private static void WriteCompiled(CliContext context, bool json, IReadOnlyList<ModelInfo> models, bool single = false)
    {
        if (json)
        {
            JsonOutput.Write(context.Out, writer =>
            {
                if (single)
                {
                    ModelRenderer.WriteJson(writer, models[0]);
                }
                else
                {
                    ModelRenderer.WriteJson(writer, models);
                }
            });
        }
        else
        {
            ModelRenderer.WriteTables(Consoles.For(context.Out, context.IsInteractive), models, details: single);
        }
    }

    private static Task<ClientSession> OpenAsync(ParseResult parse, CommonOptions common, CliContext context, CancellationToken cancellationToken) =>
        ClientSessionFactory.OpenAsync(new ConnectionRequest(parse.GetValue(common.Token), parse.GetValue(common.BaseAddress), parse.GetValue(common.Emulator)), context, cancellationToken);
}
