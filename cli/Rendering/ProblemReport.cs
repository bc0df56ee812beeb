using RunComfy.Cli.Inputs;

namespace RunComfy.Cli.Rendering;

/// <summary>Prints every input problem at once: a list on stderr, or one JSON document with <c>--json</c>.</summary>
internal static class ProblemReport
{
    public static void Write(CliContext context, bool json, string modelId, IReadOnlyList<InputProblem> problems, int exitCode)
    {
        // The id is as typed: it may be the problem (and hold control characters).
        modelId = Printable.Short(modelId);
        if (json)
        {
            JsonOutput.Write(context.Out, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("message", $"The input for '{modelId}' is invalid; nothing was submitted.");
                writer.WriteNumber("exit_code", exitCode);
                writer.WriteStartArray("problems");
                foreach (var problem in problems)
                {
                    writer.WriteStartObject();
                    writer.WriteString("path", Printable.Line(problem.Path));
                    writer.WriteString("message", Printable.Line(problem.Message));
                    writer.WriteString("kind", problem.Kind switch
                    {
                        InputProblemKind.MissingFile => "missing_file",
                        InputProblemKind.Usage => "usage",
                        _ => "invalid",
                    });
                    writer.WriteEndObject();
                }

                writer.WriteEndArray();
                writer.WriteEndObject();
                writer.WriteEndObject();
            });
            return;
        }

        context.Error.WriteLine($"✗ The input for {modelId} has {problems.Count} problem{(problems.Count == 1 ? "" : "s")}; nothing was submitted:");
        foreach (var problem in problems)
        {
            // A media probe's message may quote a remote server: printed without its escape sequences.
            context.Error.WriteLine($"  - {Printable.Line(problem.ToString())}");
        }

        if (!problems.Any(p => p.Path == "model_id"))
        {
            context.Error.WriteLine($"  See the parameters with: comfy-schema models show {modelId}");
        }
    }
}
