using System.CommandLine;
using System.Globalization;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Journal;
using RunComfy.Cli.Rendering;
using Spectre.Console;

namespace RunComfy.Cli.Commands;

/// <summary><c>requests</c>: the journal of submitted requests, newest first.</summary>
internal static class RequestsCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var limit = new Option<int>("--limit", "-n")
        {
            Description = "Show at most this many requests, newest first (0 = all).",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("requests", "List the requests this machine submitted (from the local journal), newest first.") { limit };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var journal = new RequestJournal(JournalLocation.Resolve(parse.GetValue(common.DataDir), context.GetEnvironmentVariable));
            var all = await journal.ReadAsync(cancellationToken);
            var count = parse.GetValue(limit);
            var shown = all.Reverse().Take(count > 0 ? count : int.MaxValue).ToList();
            if (parse.GetValue(common.Json))
            {
                JsonOutput.Write(context.Out, writer =>
                {
                    writer.WriteStartObject();
                    writer.WriteString("journal", journal.FilePath);
                    writer.WriteStartArray("requests");
                    foreach (var request in shown)
                    {
                        writer.WriteStartObject();
                        if (request.RequestId is null)
                        {
                            writer.WriteNull("request_id");
                        }
                        else
                        {
                            writer.WriteString("request_id", Printable.Line(request.RequestId));
                        }

                        writer.WriteString("model_id", Printable.Line(request.ModelId));
                        writer.WriteString("state", Printable.Line(request.State));
                        writer.WriteString("submitted_at", request.SubmittedAt);
                        writer.WriteString("updated_at", request.UpdatedAt);
                        writer.WriteString("base_address", Printable.Line(request.BaseAddress));
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                    writer.WriteEndObject();
                });
                return ExitCodes.Ok;
            }

            if (shown.Count == 0)
            {
                context.Out.WriteLine($"No requests yet (journal: {journal.FilePath}).");
                return ExitCodes.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded)
                .AddColumn(new TableColumn("Request id").NoWrap()).AddColumn("Model").AddColumn("State").AddColumn("Submitted (UTC)").AddColumn("API");
            foreach (var request in shown)
            {
                table.AddRow(
                    // No id: a submit whose answer never came (or is still in flight); it may have created a job.
                    request.RequestId is null ? "[yellow](unknown)[/]" : Markup.Escape(Printable.Line(request.RequestId)),
                    Markup.Escape(Printable.Line(request.ModelId)),
                    Markup.Escape(Printable.Line(request.State)),
                    request.SubmittedAt.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    Markup.Escape(Printable.Line(request.BaseAddress)));
            }

            var console = Consoles.For(context.Out, context.IsInteractive);
            console.Write(table);
            console.WriteLine($"Journal: {journal.FilePath}. Resume one with: comfy-schema wait <request id>");
            if (shown.Any(r => r.RequestId is null))
            {
                console.WriteLine("(unknown): a submit whose answer never came; the job may exist and be billed. Never resubmit it blindly: check your RunComfy account.");
            }
            return ExitCodes.Ok;
        });
        return command;
    }
}
