namespace RunComfy.SchemaClient.Cli.Tests.Infrastructure;

/// <summary>Files of this repository, found by walking up from the test assembly to SchemaClient.sln.</summary>
internal static class RepositoryFiles
{
    public static string Root { get; } = FindRoot();

    public static string SampleImage => Path.Combine(Root, "samples", "sunset-256.png");

    private static string FindRoot()
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
