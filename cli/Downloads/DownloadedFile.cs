namespace RunComfy.Cli.Downloads;

/// <summary>One output written to disk.</summary>
/// <param name="Url">Where it came from.</param>
/// <param name="Path">The full path of the file.</param>
/// <param name="Bytes">Its size.</param>
internal sealed record DownloadedFile(Uri Url, string Path, long Bytes);
