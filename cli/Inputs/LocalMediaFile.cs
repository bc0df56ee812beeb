namespace RunComfy.Cli.Inputs;

/// <summary>
/// Reads a local file named with <c>@path</c> into a media value. RunComfy has no upload endpoint,
/// so a local file travels inline as a <c>data:</c> URI.
/// </summary>
internal static class LocalMediaFile
{
    /// <summary>The media value for the file at <paramref name="fullPath"/>.</summary>
    public static MediaInput Read(string fullPath)
    {
        var bytes = File.ReadAllBytes(fullPath);
        return MediaInput.FromUrl($"data:{SniffMimeType(bytes, fullPath)};base64,{Convert.ToBase64String(bytes)}");
    }

    private static string SniffMimeType(ReadOnlySpan<byte> bytes, string path)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, (byte)'P', (byte)'N', (byte)'G']))
        {
            return "image/png";
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".webp" => "image/webp",
            ".gif" => "image/gif",
            ".mp4" => "video/mp4",
            ".webm" => "video/webm",
            ".mov" => "video/quicktime",
            ".mp3" => "audio/mpeg",
            ".wav" => "audio/wav",
            ".ogg" => "audio/ogg",
            _ => "application/octet-stream",
        };
    }
}
