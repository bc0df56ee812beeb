using System.Text.Json;
using RunComfy.Cli.Schemas;

namespace RunComfy.Cli.Rendering;

/// <summary>The <c>schemas check</c> report: per model its status and every change; schema texts sanitised.</summary>
internal static class DriftRenderer
{
    public static void WriteText(TextWriter output, IReadOnlyList<ModelDrift> results)
    {
        if (results.Count == 0)
        {
            output.WriteLine("No schemas to check.");
            return;
        }

        foreach (var result in results)
        {
            var id = Printable.Short(result.ModelId);
            output.WriteLine(result.Status switch
            {
                DriftStatus.InSync => $"✓ {id}: in sync",
                DriftStatus.Compatible => $"~ {id}: compatible changes",
                DriftStatus.Breaking => $"✗ {id}: breaking changes",
                _ => $"? {id}: not checked: {Printable.Short(result.Problem)}",
            });
            foreach (var change in result.Changes.OrderByDescending(c => c.Breaking))
            {
                output.WriteLine($"    {(change.Breaking ? "breaking  " : "compatible")}  {Printable.Short(change.Message)}");
            }
        }

        output.WriteLine(
            $"{results.Count(r => r.Status == DriftStatus.Breaking)} breaking, {results.Count(r => r.Status == DriftStatus.Compatible)} compatible, " +
            $"{results.Count(r => r.Status == DriftStatus.InSync)} in sync, {results.Count(r => r.Status == DriftStatus.Unchecked)} not checked.");
    }

    public static void WriteJson(Utf8JsonWriter writer, IReadOnlyList<ModelDrift> results, int exitCode)
    {
        writer.WriteStartObject();
        writer.WriteNumber("exit_code", exitCode);
        writer.WriteStartArray("models");
        foreach (var result in results)
        {
            writer.WriteStartObject();
            writer.WriteString("model_id", Printable.Short(result.ModelId));
            writer.WriteString("path", result.Path);
            writer.WriteString("status", result.Status switch
            {
                DriftStatus.InSync => "in_sync",
                DriftStatus.Compatible => "compatible",
                DriftStatus.Breaking => "breaking",
                _ => "not_checked",
            });
            if (result.Problem is not null)
            {
                writer.WriteString("problem", Printable.Short(result.Problem));
            }

            writer.WriteStartArray("changes");
            foreach (var change in result.Changes)
            {
                writer.WriteStartObject();
                writer.WriteString("property", Printable.Short(change.Property));
                writer.WriteString("kind", JsonNamingPolicy.SnakeCaseLower.ConvertName(change.Kind.ToString()));
                writer.WriteBoolean("breaking", change.Breaking);
                writer.WriteString("message", Printable.Short(change.Message));
                writer.WriteEndObject();
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
