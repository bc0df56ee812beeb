using System.Collections.Concurrent;

namespace RunComfy.Emulator.Files;

/// <summary>Served files by absolute path (<c>/files/...</c>); thread-safe.</summary>
internal sealed class FileStore
{
    private readonly ConcurrentDictionary<string, ServedFile> _files = new(StringComparer.Ordinal);

    public void Put(string path, ServedFile file) => _files[Normalize(path)] = file;

    public ServedFile? Find(string path) => _files.TryGetValue(Normalize(path), out var file) ? file : null;

    public static string Normalize(string path) => path.StartsWith('/') ? path : "/" + path;
}
