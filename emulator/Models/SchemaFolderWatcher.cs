namespace RunComfy.Emulator.Models;

/// <summary>
/// Reloads the served models when a schema file under the <c>--schemas</c> folder changes, after a short quiet
/// period (editors write files in several steps). A folder that fails to load is reported and changes nothing.
/// </summary>
internal sealed class SchemaFolderWatcher : IDisposable
{
    private static readonly TimeSpan QuietPeriod = TimeSpan.FromMilliseconds(250);

    private readonly FileSystemWatcher _watcher;
    private readonly Timer _debounce;
    private readonly ModelRegistry _models;
    private readonly TextWriter? _log;
    private readonly object _gate = new();
    private bool _disposed;

    public SchemaFolderWatcher(string directory, ModelRegistry models, TextWriter? log)
    {
        _models = models;
        _log = log;
        _debounce = new Timer(_ => ReloadNow(), null, Timeout.Infinite, Timeout.Infinite);
        _watcher = new FileSystemWatcher(directory)
        {
            IncludeSubdirectories = true,
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
        };
        _watcher.Changed += (_, _) => Schedule();
        _watcher.Created += (_, _) => Schedule();
        _watcher.Deleted += (_, _) => Schedule();
        _watcher.Renamed += (_, _) => Schedule();
        _watcher.EnableRaisingEvents = true;
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _disposed = true;
            _watcher.Dispose();
            _debounce.Dispose();
        }
    }

    private void Schedule()
    {
        lock (_gate)
        {
            if (!_disposed) _debounce.Change(QuietPeriod, Timeout.InfiniteTimeSpan);
        }
    }

    private void ReloadNow()
    {
        lock (_gate)
        {
            if (_disposed) return;
            try
            {
                _models.Reload();
                _log?.WriteLine($"Schemas reloaded: {_models.All.Count} models.");
            }
            catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException)
            {
                _log?.WriteLine($"Schemas not reloaded, the models served are unchanged: {ex.Message}");
            }
        }
    }
}
