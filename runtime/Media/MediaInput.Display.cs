using System.Globalization;
using System.Text;
using RunComfy.Client.Wire;

namespace RunComfy;

/// <summary>
/// How a media input is shown to people (<see cref="ToString"/>, error messages): short, bounded, and without
/// secrets. A URL loses its user info and its query (signed URLs carry their signature or token there); a
/// <c>data:</c> URI shows its media type and size, never its content; a file shows its name.
/// </summary>
public sealed partial class MediaInput
{
    /// <summary>The most characters of a URL or file name shown.</summary>
    private const int MaxDisplayLength = 200;

    /// <summary>
    /// A short, safe description: a URL without user info or query (<c>https://cdn.example.com/cat.png?…</c>),
    /// <c>data:image/png;base64,…(12,345 bytes)</c>, a file's name, or <c>in-memory content (1,024 bytes)</c>.
    /// At most about 220 characters, whatever the input.
    /// </summary>
    public override string ToString() => Kind switch
    {
        MediaInputKind.Url => RedactUrl(_url!),
        MediaInputKind.File => "file " + Bounded(Path.GetFileName(_filePath!)),
        MediaInputKind.DataUri => _dataUriError is null
            ? $"data:{Bounded(_dataUri.MimeType)}{(_dataUri.IsBase64 ? ";base64" : "")},\u2026({DataLength()})"
            : $"data:\u2026({Count(_url!.Length)} chars)",
        _ => $"{_bytesOrigin} content ({Count(_bytes.Length)} bytes)",
    };

    /// <summary>A URL without its user info and query, cut at <see cref="MaxDisplayLength"/> characters.</summary>
    private static string RedactUrl(string url)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.IsWellFormedOriginalString() && !string.IsNullOrEmpty(uri.Host))
        {
            var withoutSecrets = uri.GetComponents(UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.UriEscaped);
            url = uri.Query.Length > 1 ? withoutSecrets + "?..." : withoutSecrets;
        }
        else
        {
            // Not a well-formed URL: drop anything that may be user info, then the query, by hand. A password
            // need not be escaped here ("user:pa/ss", "user:pa?ss"), so every character up to the last '@' may be
            // user info, not only those before the first '/'.
            var scheme = url.IndexOf("://", StringComparison.Ordinal);
            var authority = scheme >= 0 ? scheme + 3 : url.StartsWith("//", StringComparison.Ordinal) ? 2 : -1;
            var query = url.IndexOfAny(['?', '#']);
            var at = authority >= 0 ? url.LastIndexOf('@') : -1;
            if (at >= authority && authority >= 0)
            {
                if (query >= 0 && query < at)
                {
                    // An '@' after a '?' or '#': user info or query, it cannot be told apart, so neither is shown.
                    return Bounded(string.Concat(url.AsSpan(0, authority), "\u2026"));
                }

                // An '@' after a '/' may be part of the path rather than user info: mark what was dropped.
                var marker = url.AsSpan(authority, at - authority).IndexOf('/') >= 0 ? "\u2026@" : "";
                url = string.Concat(url.AsSpan(0, authority), marker, url.AsSpan(at + 1));
                query = url.IndexOfAny(['?', '#']);
            }

            if (query >= 0)
            {
                url = url[..query] + "?...";
            }
        }

        return Bounded(url);
    }

    private static string Bounded(string text)
    {
        var builder = DisplayText.AppendVisible(new StringBuilder(Math.Min(text.Length, MaxDisplayLength + 1)), text.AsSpan(0, Math.Min(text.Length, MaxDisplayLength)));
        return text.Length <= MaxDisplayLength ? builder.ToString() : builder.Append('\u2026').ToString();
    }

    /// <summary>The decoded size of a base64 payload in bytes, else its length in characters.</summary>
    private string DataLength()
    {
        var payload = _dataUri.Payload(_url!).Span;
        if (!_dataUri.IsBase64)
        {
            return Count(payload.Length) + " chars";
        }

        var padding = payload.EndsWith("==") ? 2 : payload.EndsWith("=") ? 1 : 0;
        return Count(Math.Max(0, payload.Length / 4 * 3 - padding)) + " bytes";
    }

    private static string Count(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
