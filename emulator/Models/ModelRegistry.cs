namespace RunComfy.Emulator.Models;

/// <summary>
/// The models the emulator serves: the bundled schemas, merged with a <c>--schemas</c> folder (the folder wins
/// on the same id), then in-memory extras. The set is an immutable snapshot swapped whole, so a schema can be
/// changed while the server runs (<see cref="Set"/>, <see cref="Reload"/>) and every request sees one consistent set.
/// </summary>
internal sealed class ModelRegistry
{
    private readonly object _gate = new();
    private readonly ModelSources? _sources;
    private Snapshot _current;

    private ModelRegistry(Dictionary<string, EmulatedModel> byId, ModelSources? sources)
    {
        _current = new Snapshot(byId);
        _sources = sources;
    }

    /// <summary>Every model, ordered by id.</summary>
    public IReadOnlyList<EmulatedModel> All => Volatile.Read(ref _current).All;

    public EmulatedModel? Find(string id) => Volatile.Read(ref _current).ById.TryGetValue(id, out var model) ? model : null;

    /// <summary>
    /// Loads every <c>*.json</c> under the bundled folder (when it exists), then under <paramref name="schemasDirectory"/>
    /// (which must exist when given; its schemas replace bundled ones of the same id), then <paramref name="extras"/>.
    /// </summary>
    public static ModelRegistry Load(string bundledDirectory, string? schemasDirectory, IEnumerable<KeyValuePair<string, string>> extras)
    {
        var sources = new ModelSources(bundledDirectory, schemasDirectory, extras.ToArray());
        return new ModelRegistry(sources.Read(), sources);
    }

    /// <summary>Adds a model or replaces its schema; the schema is read and prepared first, so a bad one changes nothing.</summary>
    /// <exception cref="InvalidOperationException">The schema cannot be read.</exception>
    public void Set(string id, string schemaJson)
    {
        var model = Create(id, schemaJson);
        model.Validator.Prepare();
        lock (_gate)
        {
            var byId = new Dictionary<string, EmulatedModel>(Volatile.Read(ref _current).ById, StringComparer.Ordinal) { [id] = model };
            Volatile.Write(ref _current, new Snapshot(byId));
        }
    }

    /// <summary>Stops serving a model; false when it was not served.</summary>
    public bool Remove(string id)
    {
        lock (_gate)
        {
            var byId = new Dictionary<string, EmulatedModel>(Volatile.Read(ref _current).ById, StringComparer.Ordinal);
            if (!byId.Remove(id)) return false;
            Volatile.Write(ref _current, new Snapshot(byId));
            return true;
        }
    }

    /// <summary>Reads the folders again; on any error the models served stay as they were and the error is thrown.</summary>
    /// <exception cref="InvalidOperationException">A schema cannot be read, or this registry has no folders.</exception>
    /// <exception cref="DirectoryNotFoundException">The schemas folder is gone.</exception>
    public void Reload()
    {
        var sources = _sources ?? throw new InvalidOperationException("This model set was not loaded from folders.");
        var byId = sources.Read();
        foreach (var model in byId.Values) model.Validator.Prepare();
        lock (_gate) Volatile.Write(ref _current, new Snapshot(byId));
    }

    /// <summary>Where the schemas copied next to the emulator assembly are.</summary>
    public static string DefaultDirectory()
    {
        var assemblyDirectory = Path.GetDirectoryName(typeof(ModelRegistry).Assembly.Location);
        return Path.Combine(string.IsNullOrEmpty(assemblyDirectory) ? AppContext.BaseDirectory : assemblyDirectory, "schemas");
    }

    internal static EmulatedModel Create(string id, string json)
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

    private sealed class Snapshot
    {
        public Snapshot(Dictionary<string, EmulatedModel> byId)
        {
            ById = byId;
            All = byId.Values.OrderBy(m => m.Id, StringComparer.Ordinal).ToArray();
        }

        public Dictionary<string, EmulatedModel> ById { get; }

        public IReadOnlyList<EmulatedModel> All { get; }
    }
}
