using System.Text.Json;
using System.Text.Json.Nodes;
using RunComfy.Cli.Exit;

namespace RunComfy.Cli.Inputs;

/// <summary>
/// Everything between the command line and a submit: reads <c>--input-file</c>, types the
/// <c>--input</c>s, parses the body as the model's generated request, and validates it (schema rules,
/// then media rules on the real bytes). All problems are collected so the user fixes them in one go;
/// nothing is sent while any remains.
/// </summary>
internal sealed class RequestPreparer
{
    private readonly ModelInfo _model;
    private readonly string _currentDirectory;

    public RequestPreparer(ModelInfo model, string currentDirectory)
    {
        _model = model;
        _currentDirectory = currentDirectory;
    }

    /// <summary>The validated request, or the problems that stop it.</summary>
    public async Task<(IRunComfyRequest? Request, IReadOnlyList<InputProblem> Problems)> PrepareAsync(string? inputFile, IReadOnlyList<string> inputs, bool probeRemoteMedia, CancellationToken cancellationToken)
    {
        var problems = new List<InputProblem>();
        var fromFile = ReadInputFile(inputFile, problems);
        var (body, inputProblems) = new InputObjectBuilder(_model, _currentDirectory).Build(fromFile, inputs);
        problems.AddRange(inputProblems);
        if (problems.Any(p => p.Kind == InputProblemKind.Usage) || (inputFile is not null && fromFile is null))
        {
            return (null, problems);
        }

        // Values that already have a problem are left out, so the schema checks report the others
        // without repeating them.
        var troubled = problems.Select(p => RootKey(p.Path)).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal);
        foreach (var key in troubled)
        {
            body.Remove(key);
        }

        IRunComfyRequest request;
        try
        {
            request = _model.Parse(body.ToJsonString());
        }
        catch (RequestJsonException e)
        {
            problems.AddRange(e.Errors.Where(error => !troubled.Contains(RootKey(error.Path))).Select(ToProblem));
            troubled.UnionWith(e.Errors.Select(error => RootKey(error.Path)));
            problems.AddRange(ValidateTheRest(body, troubled));
            return (null, problems);
        }

        var validation = request.Validate();
        problems.AddRange(validation.Errors.Where(error => !troubled.Contains(RootKey(error.Path))).Select(ToProblem));
        if (problems.Count > 0)
        {
            return (null, problems);
        }

        var media = await MediaValidation.ValidateAsync(request, probeRemoteMedia, cancellationToken);
        problems.AddRange(media.Errors.Select(ToProblem).Distinct());
        return problems.Count > 0 ? (null, problems) : (request, problems);
    }

    /// <summary>
    /// The schema errors of the values that could be read, when others could not: the broken or
    /// missing values are stood in for by placeholders whose own errors are ignored, so one run
    /// lists a too-long prompt and a missing image together.
    /// </summary>
    private IEnumerable<InputProblem> ValidateTheRest(JsonObject body, HashSet<string> troubled)
    {
        var probe = (JsonObject)body.DeepClone();
        var ignored = new HashSet<string>(troubled, StringComparer.Ordinal);
        foreach (var key in troubled)
        {
            probe.Remove(key);
        }

        foreach (var parameter in _model.Parameters.Where(p => p.Required && !probe.ContainsKey(p.Name)))
        {
            probe[parameter.Name] = Placeholder(parameter);
            ignored.Add(parameter.Name);
        }

        try
        {
            return _model.Parse(probe.ToJsonString()).Validate().Errors
                .Where(error => !ignored.Contains(RootKey(error.Path)))
                .Select(ToProblem)
                .ToList();
        }
        catch (RequestJsonException)
        {
            return [];
        }
    }

    private static JsonNode? Placeholder(ModelParameter parameter)
    {
        var known = parameter.DefaultJson ?? parameter.EnumJson?.FirstOrDefault();
        if (known is not null)
        {
            return JsonNode.Parse(known);
        }

        var itemPlaceholder = JsonValue.Create(parameter.IsMedia ? "https://placeholder.invalid/media" : "x");
        return parameter.Type switch
        {
            "array" => new JsonArray(parameter.ItemType switch
            {
                "integer" or "number" => JsonValue.Create(parameter.Minimum ?? 0),
                "boolean" => JsonValue.Create(false),
                _ => itemPlaceholder,
            }),
            "integer" => JsonValue.Create((long)Math.Ceiling(parameter.Minimum ?? 0)),
            "number" or "float" => JsonValue.Create(parameter.Minimum ?? 0),
            "boolean" => JsonValue.Create(false),
            _ => itemPlaceholder,
        };
    }

    private JsonObject? ReadInputFile(string? inputFile, List<InputProblem> problems)
    {
        if (inputFile is null)
        {
            return null;
        }

        var path = Path.GetFullPath(inputFile, _currentDirectory);
        if (!File.Exists(path))
        {
            problems.Add(new InputProblem("--input-file", $"file '{inputFile}' does not exist.", InputProblemKind.MissingFile));
            return null;
        }

        try
        {
            if (JsonNode.Parse(File.ReadAllText(path)) is JsonObject body)
            {
                return body;
            }

            problems.Add(new InputProblem("--input-file", $"'{inputFile}' must hold one JSON object (the model's input).", InputProblemKind.Invalid));
        }
        catch (JsonException e)
        {
            problems.Add(new InputProblem("--input-file", $"'{inputFile}' is not valid JSON: {e.Message}", InputProblemKind.Invalid));
        }
        catch (IOException e)
        {
            problems.Add(new InputProblem("--input-file", $"'{inputFile}' cannot be read: {e.Message}", InputProblemKind.MissingFile));
        }

        return null;
    }

    /// <summary>The exit code for a list of problems: usage beats a missing file, which beats bad input.</summary>
    public static int ExitCodeFor(IReadOnlyList<InputProblem> problems) =>
        problems.Any(p => p.Kind == InputProblemKind.Usage) ? ExitCodes.Usage
        : problems.Any(p => p.Kind == InputProblemKind.MissingFile) ? ExitCodes.MissingFile
        : ExitCodes.BadInput;

    private static InputProblem ToProblem(ValidationError error) =>
        new(error.Path, $"{error.Message} ({error.Rule})", InputProblemKind.Invalid);

    private static string RootKey(string path)
    {
        var end = path.IndexOfAny(['[', '.']);
        return end < 0 ? path : path[..end];
    }
}
