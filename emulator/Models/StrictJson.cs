using Newtonsoft.Json.Linq;
using RunComfy.SchemaClient.Generator.Parsing;

namespace RunComfy.Emulator.Models;

/// <summary>
/// Reads a schema file as the generator does: strict JSON first (<see cref="JsonSyntaxChecker"/>, a linked
/// file), so a schema with comments or trailing commas is refused here too instead of being served by the
/// emulator while the generator rejects it. The error says where, in plain words.
/// </summary>
internal static class StrictJson
{
    public static JObject ParseObject(string json)
    {
        if (JsonSyntaxChecker.Check(json) is { } error)
        {
            var (line, column) = LineColumn(json, error.Offset);
            throw new InvalidOperationException($"the schema is not valid JSON: line {line}, column {column}: {error.Message}");
        }

        return JToken.Parse(json.TrimStart('\uFEFF')) as JObject
            ?? throw new InvalidOperationException("the schema is not a JSON object");
    }

    private static (int Line, int Column) LineColumn(string text, int offset)
    {
        int line = 1, lineStart = 0;
        for (int i = 0; i < offset && i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                line++;
                lineStart = i + 1;
            }
        }
        return (line, offset - lineStart + 1);
    }
}
