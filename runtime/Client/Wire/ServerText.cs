using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RunComfy.Client.Wire;

/// <summary>
/// The one path every server-provided string takes before it reaches a message, a log line or a terminal:
/// the secret is removed from the <em>whole</em> text first (so a cut can never keep part of it), then
/// terminal escape sequences and control characters are removed, then the text is cut on a text-element
/// boundary (never inside a surrogate pair or a grapheme).
/// </summary>
/// <remarks>
/// Reused by every part that shows server text (the lifecycle client, the CLI, batch and catalog calls):
/// call <see cref="Redact"/> for data kept as is, <see cref="ForMessage"/> for text shown to a person.
/// </remarks>
internal static partial class ServerText
{
    /// <summary>What a secret is replaced with.</summary>
    public const string Mask = "***";

    /// <summary>The most characters of one server string put into a message.</summary>
    public const int MessageLimit = 200;

    /// <summary>
    /// Secrets shorter than this are not searched for: real API tokens are far longer, and replacing a
    /// one-to-seven-character emulator token ("dev", "T") would mangle ordinary words and wire values.
    /// </summary>
    public const int MinimumSecretLength = 8;

    private const char Escape = '\u001b';

    /// <summary>
    /// Replaces every occurrence of <paramref name="secret"/> in <paramref name="text"/> with <see cref="Mask"/>:
    /// as is, and percent-encoded (as a URL would carry it). Null stays null.
    /// </summary>
    public static string? Redact(string? text, string? secret)
    {
        if (string.IsNullOrEmpty(text) || secret is not { Length: >= MinimumSecretLength } || !Contains(text, secret))
        {
            return text;
        }

        var redacted = text.Replace(secret, Mask, StringComparison.Ordinal);
        var escaped = Uri.EscapeDataString(secret);
        return escaped == secret ? redacted : redacted.Replace(escaped, Mask, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Whether <paramref name="text"/> holds <paramref name="secret"/> in any form <see cref="Redact"/> removes.</summary>
    public static bool Contains(string? text, string? secret)
    {
        if (string.IsNullOrEmpty(text) || secret is not { Length: >= MinimumSecretLength })
        {
            return false;
        }

        if (text.Contains(secret, StringComparison.Ordinal))
        {
            return true;
        }

        // Percent-encoding only ever lengthens a secret, and only when it has characters to escape.
        return text.Contains('%', StringComparison.Ordinal) && Uri.EscapeDataString(secret) is var escaped && escaped != secret
               && text.Contains(escaped, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Whether a UTF-8 body may hold <paramref name="secret"/> in a form <see cref="Redact"/> removes once decoded:
    /// as is, behind a JSON escape (<c>\</c>) or percent-encoded (<c>%</c>). False lets the common answer skip the walk.
    /// </summary>
    public static bool MayHold(ReadOnlySpan<byte> utf8, string? secret)
    {
        if (secret is not { Length: >= MinimumSecretLength } || utf8.IsEmpty)
        {
            return false;
        }

        return utf8.IndexOfAny((byte)'\\', (byte)'%') >= 0 || utf8.IndexOf(Encoding.UTF8.GetBytes(secret)) >= 0;
    }

    /// <summary>
    /// A JSON answer with <paramref name="secret"/> redacted from every string and property name, so that
    /// everything read from it later (messages, states, URLs, raw JSON) is clean. The same element when
    /// there was nothing to redact.
    /// </summary>
    public static JsonElement RedactJson(JsonElement root, string? secret)
    {
        if (secret is not { Length: >= MinimumSecretLength } || !JsonHolds(root, secret))
        {
            return root;
        }

        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteRedacted(writer, root, secret);
        }

        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    /// <summary>
    /// A JSON string's value; for a string the runtime cannot decode (a lone surrogate escape, invalid UTF-8) its
    /// JSON text without the quotes, invalid bytes as U+FFFD.
    /// </summary>
    public static string JsonString(JsonElement value)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            // Never throws: invalid UTF-8 becomes U+FFFD, escapes stay as written.
            var raw = Encoding.UTF8.GetString(System.Runtime.InteropServices.JsonMarshal.GetRawUtf8Value(value));
            return raw.Length >= 2 && raw[0] == '"' && raw[^1] == '"' ? raw[1..^1] : raw;
        }
    }

    private static bool JsonHolds(JsonElement element, string secret) => element.ValueKind switch
    {
        JsonValueKind.String => Contains(JsonString(element), secret),
        JsonValueKind.Array => element.EnumerateArray().Any(e => JsonHolds(e, secret)),
        JsonValueKind.Object => element.EnumerateObject().Any(p => Contains(p.Name, secret) || JsonHolds(p.Value, secret)),
        _ => false,
    };

    private static void WriteRedacted(Utf8JsonWriter writer, JsonElement element, string secret)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.String:
                writer.WriteStringValue(Redact(JsonString(element), secret));
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray())
                {
                    WriteRedacted(writer, item, secret);
                }

                writer.WriteEndArray();
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject())
                {
                    writer.WritePropertyName(Redact(property.Name, secret)!);
                    WriteRedacted(writer, property.Value, secret);
                }

                writer.WriteEndObject();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>
    /// Decodes JSON string escapes (<c>\u0072</c>, <c>\n</c>, <c>\/</c>...) in text that is not valid JSON (a
    /// truncated answer), leniently, so that a secret written with escapes is found by <see cref="Redact"/> too.
    /// </summary>
    public static string DecodeJsonEscapes(string text) =>
        text.Contains('\\', StringComparison.Ordinal)
            ? JsonEscape().Replace(text, match => match.Groups[1].Success
                ? ((char)int.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture)).ToString()
                : match.Groups[2].Value switch
                {
                    "b" => "\b",
                    "f" => "\f",
                    "n" => "\n",
                    "r" => "\r",
                    "t" => "\t",
                    var other => other,
                })
            : text;

    [GeneratedRegex("""\\(?:u([0-9A-Fa-f]{4})|(["\\/bfnrt]))""", RegexOptions.CultureInvariant)]
    private static partial Regex JsonEscape();

    /// <summary>
    /// Server text made fit for a message, a log line or a terminal: redacted whole, stripped of escape
    /// sequences and control characters (line breaks and tabs become spaces), trimmed, and cut to
    /// <paramref name="maxChars"/> on a text-element boundary with an ellipsis.
    /// </summary>
    public static string? ForMessage(string? text, string? secret, int maxChars = MessageLimit)
    {
        if (text is null)
        {
            return null;
        }

        // Redacted whole first; only then is a window of it cleaned (a 4 MiB body need not be) and cut.
        var redacted = Redact(text, secret)!;
        var window = redacted.Length > maxChars * 8 ? redacted[..(maxChars * 8)] : redacted;
        if (window.Length < redacted.Length && char.IsHighSurrogate(window[^1]))
        {
            window = window[..^1];
        }

        var clean = StripControls(window).Trim();
        return window.Length < redacted.Length && clean.Length < maxChars ? clean + "…" : Cut(clean, maxChars);
    }

    /// <summary>
    /// Removes terminal escape sequences (CSI <c>ESC [</c>, OSC <c>ESC ]</c>, DCS, SOS, PM, APC and their
    /// 8-bit forms, two-character <c>ESC x</c>), every other C0 and C1 control character and DEL, and
    /// Unicode bidirectional overrides; line breaks and tabs become spaces. Lone surrogates become U+FFFD.
    /// </summary>
    public static string StripControls(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!NeedsCleaning(text))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == Escape && i + 1 < text.Length)
            {
                i = SkipSequence(text, i + 1, text[i + 1]);
                continue;
            }

            if (c is '\u009b' or '\u009d' or '\u0090' or '\u0098' or '\u009e' or '\u009f')
            {
                // The 8-bit forms of CSI, OSC, DCS, SOS, PM and APC.
                i = SkipSequence(text, i, c);
                continue;
            }

            if (c is '\n' or '\r' or '\t' or '\u2028' or '\u2029' or '\u0085')
            {
                builder.Append(' ');
            }
            else if (char.IsControl(c) || IsBidiControl(c))
            {
                // Dropped: C0, DEL, C1, and text-direction overrides that make shown text lie.
            }
            else if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Cuts <paramref name="text"/> to at most <paramref name="maxChars"/> characters (ellipsis included) on a text-element boundary.</summary>
    public static string Cut(string text, int maxChars)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxChars, 2);
        if (text.Length <= maxChars)
        {
            return text;
        }

        var end = 0;
        var enumerator = StringInfo.GetTextElementEnumerator(text);
        while (enumerator.MoveNext())
        {
            var next = enumerator.ElementIndex + ((string)enumerator.Current).Length;
            if (next > maxChars - 1)
            {
                break;
            }

            end = next;
        }

        return text[..end] + "…";
    }

    private static bool NeedsCleaning(string text)
    {
        foreach (var c in text)
        {
            if (char.IsControl(c) || char.IsSurrogate(c) || IsBidiControl(c) || c is '\u2028' or '\u2029')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A Unicode text-direction control (embeddings, overrides, isolates, marks): what makes shown text lie about its order.</summary>
    public static bool IsBidiControl(char c) => c is (>= '\u202a' and <= '\u202e') or (>= '\u2066' and <= '\u2069') or '\u200e' or '\u200f' or '\u061c';

    /// <summary>Skips an escape sequence whose introducer is <paramref name="kind"/> at or after <paramref name="start"/>; returns the index of its last character.</summary>
    private static int SkipSequence(string text, int start, char kind)
    {
        switch (kind)
        {
            case '[' or '\u009b':
                // CSI: parameter and intermediate bytes (0x20-0x3F), then one final byte (0x40-0x7E).
                for (var i = start + 1; i < text.Length; i++)
                {
                    if (text[i] is >= '\u0040' and <= '\u007e')
                    {
                        return i;
                    }

                    if (text[i] is < '\u0020' or > '\u003f')
                    {
                        return i - 1;
                    }
                }

                return text.Length - 1;
            case ']' or 'P' or 'X' or '^' or '_' or '\u009d' or '\u0090' or '\u0098' or '\u009e' or '\u009f':
                // OSC, DCS, SOS, PM, APC: a string ended by BEL, ST (ESC \) or the 8-bit ST.
                for (var i = start + 1; i < text.Length; i++)
                {
                    if (text[i] is '\u0007' or '\u009c')
                    {
                        return i;
                    }

                    if (text[i] == Escape && i + 1 < text.Length && text[i + 1] == '\\')
                    {
                        return i + 1;
                    }
                }

                return text.Length - 1;
            default:
                // ESC followed by one character (ESC c, ESC 7, ...): both go.
                return start;
        }
    }
}
