namespace RunComfy.SchemaClient.Tests.Catalog;

/// <summary>The 121 schemas of RunComfy's catalog, as the generator tests keep them (path = model id).</summary>
internal static class CatalogSchemas
{
    public static string Directory { get; } = Path.Combine(RepositoryRoot(), "tests", "RunComfy.SchemaClient.Generator.Tests", "Fixtures", "catalog");

    public static IReadOnlyList<string> ModelIds { get; } = System.IO.Directory
        .EnumerateFiles(Directory, "*.json", SearchOption.AllDirectories)
        .Select(f => Path.GetRelativePath(Directory, f)[..^".json".Length].Replace(Path.DirectorySeparatorChar, '/'))
        .Order(StringComparer.Ordinal)
        .ToArray();

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SchemaClient.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("SchemaClient.sln not found above " + AppContext.BaseDirectory);
    }
}
