using System.CommandLine;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Rendering;

namespace RunComfy.Cli.Commands;

/// <summary><c>models</c> and <c>models show &lt;id&gt;</c>: what the CLI can run, with every parameter.</summary>
internal static class ModelsCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var list = new Command("models", "List the models this CLI knows, with their parameters (type, allowed values, default, limits).");
        list.SetAction(parse =>
        {
            var models = ModelCatalog.All;
            if (parse.GetValue(common.Json))
            {
                JsonOutput.Write(context.Out, writer => ModelRenderer.WriteJson(writer, models));
            }
            else
            {
                ModelRenderer.WriteTables(Consoles.For(context.Out, context.IsInteractive), models, details: false);
            }

            return ExitCodes.Ok;
        });

        var modelId = new Argument<string>("model_id") { Description = "The model id, e.g. bytedance/seedream-4-0/edit." };
        var show = new Command("show", "Show one model: every parameter with its description, limits and media rules.") { modelId };
        show.SetAction(parse =>
        {
            var id = parse.GetValue(modelId)!;
            if (!ModelCatalog.TryGet(id, out var model))
            {
                context.Error.WriteLine(UnknownModelMessage(id));
                return ExitCodes.BadInput;
            }

            if (parse.GetValue(common.Json))
            {
                JsonOutput.Write(context.Out, writer => ModelRenderer.WriteJson(writer, model));
            }
            else
            {
                ModelRenderer.WriteTables(Consoles.For(context.Out, context.IsInteractive), [model], details: true);
            }

            return ExitCodes.Ok;
        });

        list.Subcommands.Add(show);
        return list;
    }

    public static string UnknownModelMessage(string id) =>
        $"Unknown model '{id}'. Known models: {string.Join(", ", ModelCatalog.All.Select(m => m.ModelId))}. See 'comfy-schema models'.";
}
