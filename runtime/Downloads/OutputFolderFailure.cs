using RunComfy.Client.Wire;

namespace RunComfy.Downloads;

/// <summary>
/// The output folder's side of a download failing (creating the folder or the temporary file, writing it, moving it
/// into place) as a <see cref="RunComfyDownloadException"/> that names the output by its sanitised file name and its
/// URL without the query, and says what was in the way. The file system's own exception stays the inner exception:
/// its message names the temporary file, which tells the user nothing.
/// </summary>
internal static class OutputFolderFailure
{
    /// <summary>The folder could not be created: a file is where it (or a folder above it) should be, or no permission.</summary>
    public static RunComfyDownloadException FolderNotCreated(Uri url, string name, string directory, Exception inner)
    {
        var problem = FileInTheWay(directory) is { } file
            ? $"'{file}' is a file, not a folder, so the output folder '{directory}' cannot be created"
            : inner is UnauthorizedAccessException
                ? $"no permission to create the output folder '{directory}'"
                : $"the output folder '{directory}' could not be created ({inner.Message.TrimEnd('.')})";
        return Create(url, name, problem, "nothing was written", inner);
    }

    /// <summary>The temporary file could not be created, or writing it failed (a read-only folder, a full disk).</summary>
    public static RunComfyDownloadException NotWritten(Uri url, string name, string directory, Exception inner, bool started)
    {
        var problem = inner is UnauthorizedAccessException
            ? $"no permission to write in the output folder '{directory}'"
            : $"the file could not be written in the output folder '{directory}' ({inner.Message.TrimEnd('.')})";
        return Create(url, name, problem, started ? "the partial file was removed" : "nothing was written", inner);
    }

    /// <summary>A folder has the output's name, so the file cannot replace it (found before the transfer, or after it).</summary>
    public static RunComfyDownloadException FolderInTheWay(Uri url, string name, string directory, bool downloaded) =>
        Create(url, name, $"a folder named '{name}' is in the output folder '{directory}' and a file cannot replace it", downloaded ? "the downloaded file was removed" : "nothing was downloaded", null);

    /// <summary>The complete temporary file could not be moved to its name.</summary>
    public static RunComfyDownloadException NotMoved(Uri url, string name, string directory, Exception inner)
    {
        var problem = inner is UnauthorizedAccessException
            ? $"no permission to put '{name}' in the output folder '{directory}'"
            : $"'{name}' could not be put in the output folder '{directory}' ({inner.Message.TrimEnd('.')})";
        return Create(url, name, problem, "the downloaded file was removed", inner);
    }

    private static RunComfyDownloadException Create(Uri url, string name, string problem, string leftBehind, Exception? inner) =>
        new(url, $"Could not save {UrlDisplay.Of(url)} as '{name}': {problem}; {leftBehind}.", innerException: inner);

    /// <summary>The nearest of <paramref name="directory"/> and the folders above it that exists as a file, if any.</summary>
    private static string? FileInTheWay(string directory)
    {
        for (var path = Path.GetFullPath(directory); !string.IsNullOrEmpty(path); path = Path.GetDirectoryName(path))
        {
            if (File.Exists(path))
            {
                return path;
            }

            if (Directory.Exists(path))
            {
                return null;
            }
        }

        return null;
    }
}
