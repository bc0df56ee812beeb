namespace RunComfy.Emulator.Models;

/// <summary>Where the served models come from, in order of precedence low to high: bundled folder, <c>--schemas</c> folder, extras.</summary>
internal sealed class ModelSources(string bundledDirectory, string? schemasDirectory, IReadOnlyList<KeyValuePair<string, string>> extras)
{
    public Dictionary<string, EmulatedModel> Read()
    {
        if (schemasDirectory is not null && !Directory.Exists(schemasDirectory))
            throw new DirectoryNotFoundException($"The schemas directory '{Path.GetFullPath(schemasDirectory)}' does not exist.");
        var byId = new Dictionary<string, EmulatedModel>(StringComparer.Ordinal);
        AddFolder(bundledDirectory, byId);
        if (schemasDirectory is not null) AddFolder(schemasDirectory, byId);
        foreach (var (id, json) in extras) byId[id] = ModelRegistry.Create(id, json);
        return byId;
    }

    /// <summary>Every <c>*.json</c> under the folder, model id = relative path without <c>.json</c>; later folders replace earlier ids.</summary>
    public static void AddFolder(string directory, Dictionary<string, EmulatedModel> byId)
    {
        if (!Directory.Exists(directory)) return;
        foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories))
        {
            var id = Path.GetRelativePath(directory, file)[..^".json".Length].Replace(Path.DirectorySeparatorChar, '/');
            byId[id] = ModelRegistry.Create(id, File.ReadAllText(file));
        }
    }
}
