using System.Text;

namespace RunComfy.Cli.Downloads;

/// <summary>
/// Turns a name taken from a server's URL into a file name that is safe on every OS: only the last
/// path segment survives (no <c>..</c> escapes), characters Windows or Unix reject are replaced,
/// device names (<c>CON</c>, <c>NUL</c>, <c>COM1</c>...) are defused and the length is bounded.
/// </summary>
internal static class FileNameSanitizer
{
    private const int MaxLength = 120;

    private static readonly HashSet<string> ReservedNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL", "CONIN$", "CONOUT$",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9", "COM¹", "COM²", "COM³",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9", "LPT¹", "LPT²", "LPT³",
    };

    // The union of what Windows forbids; Unix forbids only '/' and NUL, which are in it.
    private static readonly char[] Forbidden = ['<', '>', ':', '"', '/', '\\', '|', '?', '*'];

    /// <summary>A safe file name for <paramref name="name"/>, or <paramref name="fallback"/> when nothing usable is left.</summary>
    public static string Sanitize(string? name, string fallback)
    {
        ArgumentException.ThrowIfNullOrEmpty(fallback);
        if (string.IsNullOrWhiteSpace(name))
        {
            return fallback;
        }

        // Only the last segment: "../../etc/passwd" becomes "passwd", "a\\..\\b" becomes "b".
        var lastSeparator = name.LastIndexOfAny(['/', '\\']);
        var segment = lastSeparator >= 0 ? name[(lastSeparator + 1)..] : name;

        var builder = new StringBuilder(segment.Length);
        foreach (var c in segment)
        {
            builder.Append(char.IsControl(c) || Array.IndexOf(Forbidden, c) >= 0 ? '_' : c);
        }

        // No hidden or relative names (".", "..", ".bashrc"); Windows drops trailing dots and spaces.
        var cleaned = builder.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        if (cleaned.Length == 0 || cleaned.All(c => c == '_'))
        {
            return fallback;
        }

        var stem = Path.GetFileNameWithoutExtension(cleaned);
        var extension = Path.GetExtension(cleaned);
        if (ReservedNames.Contains(stem.TrimEnd(' ')) || ReservedNames.Contains(cleaned))
        {
            stem = "_" + stem;
        }

        if (extension.Length > 16)
        {
            extension = extension[..16];
        }

        var maxStem = MaxLength - extension.Length;
        if (stem.Length > maxStem)
        {
            stem = stem[..maxStem];
        }

        return stem + extension;
    }
}
