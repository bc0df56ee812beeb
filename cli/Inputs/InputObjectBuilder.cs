using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RunComfy.Cli.Inputs;

/// <summary>
/// Builds a model's request body from <c>--input-file</c> and <c>--input key=value</c>, typing each
/// value by its parameter's schema type: <c>steps=30</c> is the integer 30, <c>images=@cat.png</c>
/// is the file inlined as a <c>data:</c> URI, and an array takes repeated keys, a comma list or JSON.
/// Every problem is collected, none stops the others from being found.
/// </summary>
internal sealed class InputObjectBuilder
{
    private readonly ModelInfo _model;
    private readonly string _baseDirectory;
    private readonly Func<string, string> _readMedia;
    private readonly Dictionary<string, string> _mediaFiles = new(StringComparer.Ordinal);

    /// <param name="model">The model whose parameters type the values.</param>
    /// <param name="baseDirectory">Where relative <c>@path</c>s start.</param>
    /// <param name="readMedia">Reads a local file (full path) into its wire value, a <c>data:</c> URI.</param>
    public InputObjectBuilder(ModelInfo model, string baseDirectory, Func<string, string>? readMedia = null)
    {
        _model = model;
        _baseDirectory = baseDirectory;
        _readMedia = readMedia ?? LocalMediaFile.ToWireValue;
    }

    /// <summary>
    /// The local files read into the body, by path (<c>images[0]</c>) as the user named them (<c>photos/tiny.png</c>),
    /// so a media problem can name what the user gave rather than the data URI it became.
    /// </summary>
    public IReadOnlyDictionary<string, string> MediaFiles => _mediaFiles;

    /// <summary>The body: the file's object (if any) with every <c>--input</c> key replacing the file's value.</summary>
    public (JsonObject Body, IReadOnlyList<InputProblem> Problems) Build(JsonObject? fromFile, IEnumerable<string> inputs)
    {
        var problems = new List<InputProblem>();
        var body = fromFile ?? [];
        var byKey = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var text in inputs)
        {
            if (!InputAssignment.TryParse(text, out var assignment, out var error))
            {
                problems.Add(new InputProblem("", error, InputProblemKind.Usage));
                continue;
            }

            if (!byKey.TryGetValue(assignment.Key, out var values))
            {
                byKey[assignment.Key] = values = [];
                order.Add(assignment.Key);
            }

            values.Add(assignment.Value);
        }

        foreach (var key in order)
        {
            var parameter = _model.Parameters.FirstOrDefault(p => string.Equals(p.Name, key, StringComparison.Ordinal));
            if (parameter is null)
            {
                problems.Add(new InputProblem(key, $"'{_model.ModelId}' has no parameter '{key}'. Its parameters: {string.Join(", ", _model.Parameters.Select(p => p.Name))}.", InputProblemKind.Invalid));
                continue;
            }

            var value = Convert(parameter, byKey[key], problems);
            if (value is not null)
            {
                body[parameter.Name] = value;
            }
        }

        ResolveMediaFilesIn(body, problems);
        return (body, problems);
    }

    private JsonNode? Convert(ModelParameter parameter, List<string> values, List<InputProblem> problems)
    {
        var type = NormalizeType(parameter.Type);
        if (type == "array")
        {
            var items = new JsonArray();
            var itemType = NormalizeType(parameter.ItemType);
            foreach (var value in values)
            {
                foreach (var (json, text) in SplitArrayValue(parameter.Name, value, problems))
                {
                    // Items given as JSON are kept as they are (the generated parser checks them).
                    if (text is null)
                    {
                        items.Add(json);
                    }
                    else if (ConvertScalar(parameter.Name + $"[{items.Count}]", itemType, text, problems) is { } item)
                    {
                        items.Add(item);
                    }
                }
            }

            return items;
        }

        if (values.Count > 1)
        {
            problems.Add(new InputProblem(parameter.Name, $"is given {values.Count} times but takes one {type} value.", InputProblemKind.Invalid));
            return null;
        }

        return ConvertScalar(parameter.Name, type, values[0], problems);
    }

    private static IEnumerable<(JsonNode? Json, string? Text)> SplitArrayValue(string name, string value, List<InputProblem> problems)
    {
        var trimmed = value.Trim();
        if (trimmed.StartsWith('['))
        {
            JsonArray? parsed = null;
            try
            {
                parsed = JsonNode.Parse(trimmed) as JsonArray;
            }
            catch (JsonException)
            {
            }

            if (parsed is null)
            {
                problems.Add(new InputProblem(name, $"'{value}' starts with '[' but is not a JSON array.", InputProblemKind.Invalid));
                yield break;
            }

            foreach (var item in parsed)
            {
                yield return (item?.DeepClone(), null);
            }

            yield break;
        }

        // A data: URI has a comma of its own, so it is one item; anything else is a comma list.
        if (trimmed.StartsWith("data:", StringComparison.OrdinalIgnoreCase))
        {
            yield return (null, trimmed);
            yield break;
        }

        foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            yield return (null, part);
        }
    }

    private static JsonNode? ConvertScalar(string path, string type, string value, List<InputProblem> problems)
    {
        switch (type)
        {
            case "string":
                return JsonValue.Create(value);
            case "integer":
                if (long.TryParse(value.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer))
                {
                    return JsonValue.Create(integer);
                }

                problems.Add(new InputProblem(path, $"expects an integer, not '{value}'.", InputProblemKind.Invalid));
                return null;
            case "number":
                if (double.TryParse(value.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number))
                {
                    return JsonValue.Create(number);
                }

                problems.Add(new InputProblem(path, $"expects a number, not '{value}'.", InputProblemKind.Invalid));
                return null;
            case "boolean":
                switch (value.Trim().ToLowerInvariant())
                {
                    case "true" or "yes" or "on" or "1":
                        return JsonValue.Create(true);
                    case "false" or "no" or "off" or "0":
                        return JsonValue.Create(false);
                    default:
                        problems.Add(new InputProblem(path, $"expects true or false, not '{value}'.", InputProblemKind.Invalid));
                        return null;
                }

            default:
                // No usable type in the schema: JSON if it reads as JSON (42, true, {...}), else text.
                try
                {
                    return JsonNode.Parse(value) ?? JsonValue.Create(value);
                }
                catch (JsonException)
                {
                    return JsonValue.Create(value);
                }
        }
    }

    /// <summary>Replaces every <c>@path</c> string of a media parameter (from either source) by the file's content.</summary>
    private void ResolveMediaFilesIn(JsonObject body, List<InputProblem> problems)
    {
        foreach (var parameter in _model.Parameters.Where(p => p.IsMedia))
        {
            switch (body[parameter.Name])
            {
                case JsonValue value when value.TryGetValue<string>(out var text) && text.StartsWith('@'):
                    body[parameter.Name] = ReadMedia(parameter.Name, text, problems);
                    break;
                case JsonArray array:
                    for (var i = 0; i < array.Count; i++)
                    {
                        if (array[i] is JsonValue item && item.TryGetValue<string>(out var itemText) && itemText.StartsWith('@'))
                        {
                            array[i] = ReadMedia($"{parameter.Name}[{i}]", itemText, problems);
                        }
                    }

                    break;
            }
        }
    }

    private JsonNode ReadMedia(string path, string reference, List<InputProblem> problems)
    {
        var file = reference[1..];
        var fullPath = Path.GetFullPath(Path.Combine(_baseDirectory, file));
        if (!File.Exists(fullPath))
        {
            problems.Add(new InputProblem(path, $"file '{file}' does not exist.", InputProblemKind.MissingFile));
            return JsonValue.Create(reference);
        }

        try
        {
            var wireValue = JsonValue.Create(_readMedia(fullPath));
            _mediaFiles[path] = file;
            return wireValue;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new InputProblem(path, $"file '{file}' cannot be read: {e.Message}", InputProblemKind.MissingFile));
            return JsonValue.Create(reference);
        }
    }

    private static string NormalizeType(string? type) => type?.ToLowerInvariant() switch
    {
        "string" => "string",
        "integer" or "int" => "integer",
        "number" or "float" or "double" => "number",
        "boolean" or "bool" => "boolean",
        "array" or "list" => "array",
        _ => "",
    };
}
