namespace RunComfy.SchemaClient.Tests.Downloads;

/// <summary>
/// A folder this process cannot create files in: a temporary folder made read-only where permissions bind (not as
/// root), else a system folder no one can write (Linux's sysfs refuses new files even to root; Windows' system
/// folder refuses them to a user who is not an administrator). Each candidate is probed, so the folder handed out
/// really refuses a new file.
/// </summary>
internal sealed class UnwritableFolder : IDisposable
{
    private readonly string? _owned;

    public UnwritableFolder()
    {
        _owned = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "runcomfy-download-tests", "read-only-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_owned);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_owned, UnixFileMode.UserRead | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute);
        }

        string[] candidates = [_owned, "/sys", Environment.SystemDirectory];
        Path = candidates.FirstOrDefault(c => c.Length > 0 && Directory.Exists(c) && RefusesNewFiles(c))
            ?? throw new InvalidOperationException("No folder on this machine refuses new files to this process.");
    }

    public string Path { get; }

    /// <summary>The download's temporary files in <see cref="Path"/> (none may stay behind).</summary>
    public IEnumerable<string> PartialFiles => Directory.EnumerateFiles(Path, "*.part");

    public void Dispose()
    {
        if (_owned is null)
        {
            return;
        }

        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(_owned, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        Directory.Delete(_owned, recursive: true);
    }

    private static bool RefusesNewFiles(string folder)
    {
        var probe = System.IO.Path.Combine(folder, $".probe-{Guid.NewGuid():N}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write))
            {
            }

            File.Delete(probe);
            return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }
    }
}
