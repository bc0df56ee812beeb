namespace RunComfy.Emulator.Models;

/// <summary>The models the emulator serves, loaded once at start from a schema folder and in-memory extras.</summary>
internal sealed class ModelRegistry
{
    private readonly Dictionary<string, EmulatedModel> _byId;

    private ModelRegistry(Dictionary<string, EmulatedModel> byId)
    {
        _byId = byId;
        All = byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
    }

    /// <summary>Every model, ordered by id.</summary>
    public IReadOnlyList<EmulatedModel> All { get; }

    public EmulatedModel? Find(string id) => _byId.TryGetValue(id, out var model) ? model : null;

    /// <summary>Loads every <c>*.json</c> under <paramref name="directory"/>; a folder that was asked for must exist.</summary>
    public static ModelRegistry Load(string directory, bool directoryRequired, IEnumerable<KeyValuePair<string, string>> extras)
    {
        var byId = new Dictionary<string, EmulatedModel>(StringComparer.Ordinal);
        if (directoryRequired && !Directory.Exists(directory))
            throw new DirectoryNotFoundException($"The schemas directory '{Path.GetFullPath(directory)}' does not exist.");
        if (Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories))
            {
                var id = Path.GetRelativePath(directory, file)[..^".json".Length].Replace(Path.DirectorySeparatorChar, '/');
                byId[id] = Create(id, File.ReadAllText(file));
            }
        }
        foreach (var (id, json) in extras) byId[id] = Create(id, json);
        return new ModelRegistry(byId);
    }

    /// <summary>Where the schemas copied next to the emulator assembly are.</summary>
    public static string DefaultDirectory()
    {
        var assemblyDirectory = Path.GetDirectoryName(typeof(ModelRegistry).Assembly.Location);
        return Path.Combine(string.IsNullOrEmpty(assemblyDirectory) ? AppContext.BaseDirectory : assemblyDirectory, "schemas");
    }

    private static EmulatedModel Create(string id, string json)
    {
        try
        {
            var model = new EmulatedModel(id, json);
            // Read into NJsonSchema now, inside this guard, so a schema it cannot read is named by its model id.
            model.Validator.Prepare();
            return model;
        }
        catch (Exception ex) when (ex is Newtonsoft.Json.JsonException or InvalidOperationException or NotSupportedException)
        {
            throw new InvalidOperationException($"The input schema of model '{id}' cannot be read: {ex.Message}", ex);
        }
    }
}
