using RunComfy.Cli.Exit;

namespace RunComfy.Cli.Schemas;

/// <summary>
/// Where a model's schema lives in a schemas folder (<c>&lt;dir&gt;/&lt;model_id&gt;.json</c>, the layout the generator
/// reads) and which ids may become paths: the id comes from the user or a server, so only segments of letters,
/// digits, '-', '_' and '.' (not leading) are accepted; no '..', no absolute paths, no other characters.
/// </summary>
internal static class SchemaFiles
{
    private const int MaxIdLength = 200;

    /// <summary>Why <paramref name="modelId"/> cannot be a schema file name; null when it can.</summary>
    public static string? Problem(string modelId)
    {
        if (string.IsNullOrWhiteSpace(modelId))
        {
            return "a model id is empty";
        }

        if (modelId.Length > MaxIdLength)
        {
            return $"'{Clean(modelId)}' is longer than {MaxIdLength} characters";
        }

        foreach (var segment in modelId.Split('/'))
        {
            if (segment.Length == 0 || segment[0] == '.' || segment[^1] == '.' || !segment.All(IsSafe))
            {
                return $"'{Clean(modelId)}' is not a model id: expected segments of letters, digits, '-', '_' and '.' (not first or last) separated by '/', like 'bytedance/seedream-4-0/edit'";
            }
        }

        return null;

        static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
    }

    /// <summary>The schema file of <paramref name="modelId"/> under <paramref name="directory"/>.</summary>
    /// <exception cref="CliException">The id is not one (exit 64).</exception>
    public static string PathOf(string directory, string modelId)
    {
        if (Problem(modelId) is { } problem)
        {
            throw new CliException(ExitCodes.Usage, problem + ".");
        }

        var root = Path.GetFullPath(directory);
        var path = Path.GetFullPath(Path.Combine(root, Path.Combine(modelId.Split('/')) + ".json"));

        // Belt and braces: the checked segments cannot leave the folder, and this proves it.
        if (!path.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new CliException(ExitCodes.Usage, $"'{Clean(modelId)}' would be written outside '{root}'.");
        }

        return path;
    }

    /// <summary>Every schema file under <paramref name="directory"/>, as (model id, path), ordered by id.</summary>
    public static IReadOnlyList<(string ModelId, string Path)> List(string directory) =>
        Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Select(file => (Path.GetRelativePath(directory, file)[..^".json".Length].Replace(Path.DirectorySeparatorChar, '/'), file))
            .OrderBy(entry => entry.Item1, StringComparer.Ordinal)
            .ToArray();

    /// <summary>Writes the schema through a temporary file, so a failed write never leaves half a schema for the build.</summary>
    public static async Task WriteAsync(string path, string schemaJson, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var temporary = path + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            await File.WriteAllTextAsync(temporary, schemaJson.EndsWith('\n') ? schemaJson : schemaJson + "\n", cancellationToken);
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static string Clean(string text) => Rendering.Printable.Short(text);
}
