using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunComfy.Cli.Batch;

/// <summary>
/// Reads a batch input file: one JSON object per line, either the input of the command's model, or
/// <c>{"model_id": "...", "input": {...}}</c> naming its own. Blank lines are skipped; the line number is the
/// item's index. Every line is parsed and validated against its model before anything is sent, and every
/// problem of every line is reported at once, naming the line, the field and the rule.
/// </summary>
internal static class BatchInputFile
{
    public static (IReadOnlyList<BatchLine> Lines, IReadOnlyList<string> Problems) Read(byte[] content, string? modelId)
    {
        var lines = new List<BatchLine>();
        var problems = new List<string>();
        var text = Encoding.UTF8.GetString(content);
        var number = 0L;
        foreach (var raw in text.Split('\n'))
        {
            number++;
            var line = raw.Trim();
            if (line.Length == 0) continue;
            if (ReadLine(number, line, modelId, problems) is { } request) lines.Add(new BatchLine(number, request));
        }

        if (lines.Count == 0 && problems.Count == 0) problems.Add("The input file has no requests (one JSON object per line).");
        return (lines, problems);
    }

    private static IRunComfyRequest? ReadLine(long number, string line, string? modelId, List<string> problems)
    {
        JsonObject input;
        try
        {
            if (JsonNode.Parse(line) is not JsonObject parsed)
            {
                problems.Add($"line {number}: not a JSON object.");
                return null;
            }

            input = parsed;
        }
        catch (JsonException e)
        {
            problems.Add($"line {number}: not valid JSON ({e.Message}).");
            return null;
        }

        // A line naming its own model: {"model_id": "...", "input": {...}}.
        if (input.Count == 2 && input["model_id"] is JsonValue named && named.TryGetValue<string>(out var ownModel) && input["input"] is JsonObject ownInput)
        {
            modelId = ownModel;
            input = ownInput;
        }

        if (modelId is null)
        {
            problems.Add($"line {number}: no model: give <model_id> on the command line, or write the line as {{\"model_id\": \"...\", \"input\": {{...}}}}.");
            return null;
        }

        if (!ModelCatalog.TryGet(modelId, out var model))
        {
            problems.Add($"line {number}: unknown model '{Sanitize(modelId)}' (see 'comfy-schema models').");
            return null;
        }

        IRunComfyRequest request;
        try
        {
            request = model.Parse(input.ToJsonString());
        }
        catch (RequestJsonException e)
        {
            problems.AddRange(e.Errors.Select(error => $"line {number}: {error}"));
            return null;
        }

        var validation = request.Validate();
        problems.AddRange(validation.Errors.Select(error => $"line {number}: {error}"));
        return validation.Errors.Count == 0 ? request : null;
    }

    /// <summary>A model id from the file is the user's text: shown without control characters, bounded.</summary>
    private static string Sanitize(string text)
    {
        var clean = new string(text.Where(c => !char.IsControl(c)).Take(200).ToArray());
        return clean.Length < text.Length ? clean + "…" : clean;
    }
}
