using RunComfy.Cli.Schemas;

namespace RunComfy.Cli.Inputs;

/// <summary>
/// What <c>run</c> can check of a model not compiled in before its schema is fetched: the model id's form,
/// that <c>--input-file</c> exists, and that every <c>--input</c> is <c>key=value</c>. Found before a token is
/// asked for or the API is called, all at once.
/// </summary>
internal static class ArgumentCheck
{
    public static IReadOnlyList<InputProblem> Problems(string modelId, string? inputFile, IReadOnlyList<string> inputs, string currentDirectory)
    {
        var problems = new List<InputProblem>();
        if (SchemaFiles.Problem(modelId) is { } idProblem)
        {
            problems.Add(new InputProblem("model_id", idProblem + ".", InputProblemKind.Usage));
        }

        if (inputFile is not null && !File.Exists(Path.GetFullPath(inputFile, currentDirectory)))
        {
            problems.Add(new InputProblem("--input-file", $"file '{inputFile}' does not exist.", InputProblemKind.MissingFile));
        }

        foreach (var input in inputs)
        {
            if (!InputAssignment.TryParse(input, out _, out var error))
            {
                problems.Add(new InputProblem("", error, InputProblemKind.Usage));
            }
        }

        return problems;
    }
}
