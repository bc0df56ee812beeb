using System.Globalization;
using System.Text;

namespace RunComfy.Downloads;

/// <summary>
/// Turns a name a server gave (a URL's last path segment, a <c>Content-Disposition</c> file name) into a file name that is safe on every OS: only the last
/// path segment survives (no <c>..</c> escapes), characters Windows or Unix reject are replaced,
/// device names (<c>CON</c>, <c>NUL</c>, <c>COM1</c>...) are defused and the length is bounded in UTF-8
/// bytes (what Linux's 255-byte NAME_MAX counts), cut on a text-element boundary so no surrogate pair or
/// grapheme is split.
/// </summary>
internal static class DownloadFileName
{
    /// <summary>
    /// The most UTF-8 bytes of a name, extension included: under Linux's 255 with room for the
    /// <c>-n</c> suffix of a name already taken, and under Windows' 255 UTF-16 units too.
    /// </summary>
    public const int MaxBytes = 200;

    /// <summary>The most UTF-8 bytes of an extension.</summary>
    private const int MaxExtensionBytes = 16;
    private const char ZeroWidthJoiner = '\u200D';

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
        for (var i = 0; i < segment.Length; i++)
        {
            var c = segment[i];
            if (char.IsHighSurrogate(c) && i + 1 < segment.Length && char.IsLowSurrogate(segment[i + 1]))
            {
                // Invisible supplementary characters (tag characters U+E0000..E007F) would hide text in the name.
                var pair = segment.Substring(i++, 2);
                builder.Append(CharUnicodeInfo.GetUnicodeCategory(pair, 0) == UnicodeCategory.Format ? "_" : pair);
                continue;
            }

            // Lone surrogates cannot be written to disk as UTF-8; direction controls (a right-to-left
            // override turning "gnp.exe" around) would make the name lie, and other invisible format
            // characters (U+200B, U+FEFF) let two names look alike. The joiner stays: emoji need it.
            var bad = char.IsControl(c) || char.IsSurrogate(c) || Array.IndexOf(Forbidden, c) >= 0
                      || Client.Wire.ServerText.IsBidiControl(c)
                      || (char.GetUnicodeCategory(c) == UnicodeCategory.Format && c != ZeroWidthJoiner);
            builder.Append(bad ? '_' : c);
        }

        // No hidden or relative names (".", "..", ".bashrc"); Windows drops trailing dots and spaces.
        var cleaned = builder.ToString().Trim().TrimStart('.').TrimEnd('.', ' ');
        if (cleaned.Length == 0 || cleaned.All(c => c == '_'))
        {
            return fallback;
        }

        var stem = Path.GetFileNameWithoutExtension(cleaned);
        var extension = Path.GetExtension(cleaned);
        // Windows reads a device name before the first dot: "NUL.tar.gz" is NUL, not only "NUL.gz".
        var firstDot = cleaned.IndexOf('.');
        var beforeFirstDot = firstDot >= 0 ? cleaned[..firstDot] : cleaned;
        if (ReservedNames.Contains(beforeFirstDot.TrimEnd(' ')) || ReservedNames.Contains(cleaned))
        {
            stem = "_" + stem;
        }

        extension = CutToBytes(extension, MaxExtensionBytes);
        stem = CutToBytes(stem, MaxBytes - Encoding.UTF8.GetByteCount(extension)).TrimEnd('.', ' ');
        return stem.Length == 0 ? fallback + extension : stem + extension;
    }

    /// <summary>The longest prefix of whole text elements (graphemes) of <paramref name="text"/> that fits in <paramref name="maxBytes"/> UTF-8 bytes.</summary>
    internal static string CutToBytes(string text, int maxBytes)
    {
        if (Encoding.UTF8.GetByteCount(text) <= maxBytes)
        {
            return text;
        }

        var end = 0;
        var bytes = 0;
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            var element = (string)elements.Current;
            var size = Encoding.UTF8.GetByteCount(element);
            if (bytes + size > maxBytes)
            {
                break;
            }

            bytes += size;
            end = elements.ElementIndex + element.Length;
        }

        return text[..end];
    }
}
