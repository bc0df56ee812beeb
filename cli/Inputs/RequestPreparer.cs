using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using RunComfy.Cli.Exit;

namespace RunComfy.Cli.Inputs;

/// <summary>
/// Everything between the command line and a submit: reads <c>--input-file</c>, types the
/// <c>--input</c>s, and checks the body with <see cref="ModelInfo.CheckAsync"/> (parse problems, schema
/// rules and media rules on the real bytes, together), for a compiled model or one loaded at run time. All problems are collected so the user fixes them in one go;
/// nothing is sent while any remains.
/// </summary>
internal sealed partial class RequestPreparer
{
    private readonly ModelInfo _model;
    private readonly string _currentDirectory;

    public RequestPreparer(ModelInfo model, string currentDirectory)
    {
        _model = model;
        _currentDirectory = currentDirectory;
    }

    /// <summary>
    /// The validated request, or the problems that stop it: input problems, parse problems (a wrong type, a value
    /// outside an enum), schema rules and media rules (on the real bytes) are all reported in one go.
    /// </summary>
    public async Task<(IRunComfyRequest? Request, IReadOnlyList<InputProblem> Problems)> PrepareAsync(string? inputFile, IReadOnlyList<string> inputs, bool probeRemoteMedia, CancellationToken cancellationToken)
    {
        var problems = new List<InputProblem>();
        var fromFile = ReadInputFile(inputFile, problems);
        var builder = new InputObjectBuilder(_model, _currentDirectory);
        var (body, inputProblems) = builder.Build(fromFile, inputs);
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

        // One check for everything the runtime knows: what cannot be read, the schema rules of what can, and the
        // media rules of every readable media value (Check reads past a bad enum value instead of stopping there).
        var check = await _model.CheckAsync(body.ToJsonString(), new MediaValidationOptions { ProbeRemoteUrls = probeRemoteMedia }, cancellationToken);
        problems.AddRange(check.ParseErrors.Concat(check.ValidationErrors)
            .Where(error => !troubled.Contains(RootKey(error.Path)))
            .Select(ToProblem));
        problems.AddRange(check.MediaErrors.Select(error => ToProblem(NameTheFile(error, builder.MediaFiles))).Distinct());
        return problems.Count > 0 ? (null, problems) : (check.Request, problems);
    }

    /// <summary>
    /// A local file travels as a data URI, and the runtime names it so ("the data URI (image/png)"); the user
    /// gave a file name, so the message says that instead: <c>'photos/tiny.png' is 10x10 px</c>.
    /// </summary>
    private static ValidationError NameTheFile(ValidationError error, IReadOnlyDictionary<string, string> mediaFiles) =>
        mediaFiles.TryGetValue(error.Path, out var file)
            ? error with { Message = DataUriName().Replace(error.Message, $"'{file}'") }
            : error;

    [GeneratedRegex(@"\b[Tt]he data URI( \([^)]*\))?")]
    private static partial Regex DataUriName();

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

    // Messages may come from a schema the API served: no control characters reach the terminal.
    private static InputProblem ToProblem(ValidationError error) =>
        new(Rendering.Printable.Short(error.Path), $"{Rendering.Printable.Short(error.Message)} ({Rendering.Printable.Short(error.Rule)})", InputProblemKind.Invalid);

    private static string RootKey(string path)
    {
        var end = path.IndexOfAny(['[', '.']);
        return end < 0 ? path : path[..end];
    }
}
