using System.CommandLine;

namespace RunComfy.Cli.Commands;

/// <summary>Builds the whole <c>comfy-schema</c> command tree for one context.</summary>
internal static class CommandTree
{
    public static RootCommand Create(CliContext context)
    {
        var common = new CommonOptions();
        var root = new RootCommand("comfy-schema: run RunComfy models from a terminal, validated against their input schemas before anything is paid for.");
        common.AddTo(root);
        root.Subcommands.Add(RunCommand.Create(context, common));
        root.Subcommands.Add(ModelsCommand.Create(context, common));
        root.Subcommands.Add(StatusCommand.Create(context, common));
        root.Subcommands.Add(ResultCommand.Create(context, common));
        root.Subcommands.Add(WaitCommand.Create(context, common));
        root.Subcommands.Add(CancelCommand.Create(context, common));
        root.Subcommands.Add(RequestsCommand.Create(context, common));
        root.Subcommands.Add(SchemasCommand.Create(context, common));
        root.Subcommands.Add(BatchCommand.Create(context, common));
        UnknownOptionHint.RefuseOptionLikeArguments(root);
        return root;
    }
}
