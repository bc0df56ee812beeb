namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>A temporary directory for test files, deleted with the test class.</summary>
public sealed class TempFiles : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("runcomfy-media-tests-").FullName;

    public string Write(string name, byte[] content)
    {
        var path = Path.Combine(_root, name);
        File.WriteAllBytes(path, content);
        return path;
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
