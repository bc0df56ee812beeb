namespace RunComfy.SchemaClient.Generator.Tests.Infrastructure;

/// <summary>The schema files copied next to the test assembly (see the csproj).</summary>
public static class Fixtures
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>The 121 published catalog schemas, ordered by model id.</summary>
    public static IReadOnlyList<SchemaInput> Catalog { get; } = Load(Path.Combine(Root, "catalog"));

    /// <summary>The two bundled seed schemas (the ones the runtime compiles).</summary>
    public static IReadOnlyList<SchemaInput> Seeds { get; } = Load(Path.Combine(Root, "seeds"));

    /// <summary>One schema by model id, from the catalog or the seeds.</summary>
    public static SchemaInput Get(string modelId) =>
        Catalog.Concat(Seeds).Single(s => s.ModelId == modelId);

    private static List<SchemaInput> Load(string directory) =>
        [.. Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Select(path => new SchemaInput(
                path,
                File.ReadAllText(path),
                Path.ChangeExtension(Path.GetRelativePath(directory, path), null).Replace('\\', '/')))
            .OrderBy(s => s.ModelId, StringComparer.Ordinal)];
}
