using System.Buffers;
using System.Buffers.Text;

namespace RunComfy.Media.Wire;

/// <summary>
/// The parts of a <c>data:[&lt;mime&gt;][;params][;base64],&lt;payload&gt;</c> URI (RFC 2397), found without copying
/// the payload, which can be megabytes long.
/// </summary>
internal readonly record struct DataUri(string MimeType, bool IsBase64, int PayloadStart)
{
    private const string Scheme = "data:";

    private static readonly SearchValues<char> Whitespace = SearchValues.Create(" \t\r\n\f");

    /// <summary>Whether the text starts with the <c>data:</c> scheme (any case).</summary>
    public static bool HasScheme(string value) => value.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase);

    /// <summary>Splits a data URI's header from its payload; <paramref name="error"/> says what is wrong otherwise.</summary>
    public static bool TryParse(string value, out DataUri dataUri, out string? error)
    {
        dataUri = default;
        if (!HasScheme(value))
        {
            error = "does not start with 'data:'";
            return false;
        }

        // The header is short; a comma far into the text means it is missing.
        var comma = value.IndexOf(',', Scheme.Length);
        if (comma < 0)
        {
            error = "has no ',' between its header and its content";
            return false;
        }

        var header = value.AsSpan(Scheme.Length, comma - Scheme.Length);
        var isBase64 = false;
        var mime = header;
        var semicolon = header.IndexOf(';');
        if (semicolon >= 0)
        {
            mime = header[..semicolon];
            var parameters = header[(semicolon + 1)..];
            isBase64 = parameters.EndsWith("base64", StringComparison.OrdinalIgnoreCase)
                       && (parameters.Length == 6 || parameters[^7] == ';');
        }

        dataUri = new DataUri(mime.Trim().ToString().ToLowerInvariant(), isBase64, comma + 1);
        error = null;
        return true;
    }

    /// <summary>The payload of <paramref name="value"/>, the text this instance was parsed from.</summary>
    public ReadOnlyMemory<char> Payload(string value) => value.AsMemory(PayloadStart);

    /// <summary>
    /// Checks the header and the base64 payload without decoding it; returns the decoded length, or an error
    /// in words for a user.
    /// </summary>
    public string? Check(string value, out int decodedLength)
    {
        decodedLength = 0;
        if (MimeType.Length == 0)
        {
            return "declares no media type (expected e.g. 'data:image/png;base64,...')";
        }

        var slash = MimeType.IndexOf('/');
        if (slash <= 0 || slash == MimeType.Length - 1 || MimeType.AsSpan(slash + 1).Contains('/'))
        {
            return $"declares '{Shorten(MimeType)}', which is not a media type";
        }

        // A span, not a substring: a valid request's Validate() allocates nothing.
        var topLevel = MimeType.AsSpan(0, slash);
        if (topLevel is not ("image" or "video" or "audio") && MimeType != "application/octet-stream")
        {
            return $"declares '{Shorten(MimeType)}'; a media input must be an image, video or audio type";
        }

        if (!IsBase64)
        {
            return "is not base64-encoded (expected ';base64,' before the content)";
        }

        // Base64.IsValid skips whitespace, but the URI is sent as given and RunComfy's decoder may not:
        // refuse it here rather than send a body the server could reject after queuing.
        var payload = Payload(value).Span;
        if (payload.IndexOfAny(Whitespace) is >= 0 and var blank)
        {
            return $"has whitespace in its base64 content (at character {PayloadStart + blank}); remove line breaks and spaces (Convert.ToBase64String adds none)";
        }

        if (!Base64.IsValid(payload, out decodedLength))
        {
            return "has content that is not valid base64";
        }

        return decodedLength == 0 ? "has no content" : null;
    }

    private static string Shorten(string text) => text.Length <= 64 ? text : string.Concat(text.AsSpan(0, 64), "...");
}
