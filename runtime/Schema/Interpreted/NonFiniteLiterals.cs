using System.Text;

namespace RunComfy.Schema.Interpreted;

/// <summary>
/// The generator lets the literals <c>NaN</c>, <c>Infinity</c> and <c>-Infinity</c> through its syntax check so
/// that only their keyword is dropped (RCS0016), not the whole file; System.Text.Json refuses them. Before a
/// schema is parsed here they are rewritten, outside strings and comments, as numbers that read the same way:
/// <c>Infinity</c> as <c>1e400</c> (a double overflows to infinity, as Newtonsoft reads both), and <c>NaN</c> as
/// <see cref="NaN"/>, a literal <see cref="SchemaJsonText"/> reads as NaN. A <see cref="NaN"/> the schema itself
/// holds is first written with a leading zero in its exponent (same value), so only rewritten ones read as NaN.
/// </summary>
internal static class NonFiniteLiterals
{
    /// <summary>The stand-in for <c>NaN</c>: valid JSON (zero), never left in the text as the schema wrote it.</summary>
    public const string NaN = "-0.0e-77777";

    private const string EscapedNaN = "-0.0e-077777";

    /// <summary><paramref name="json"/> with the three literals rewritten; the same string when it has none.</summary>
    public static string Rewrite(string json)
    {
        if (json.IndexOf("NaN", StringComparison.Ordinal) < 0 && json.IndexOf("Infinity", StringComparison.Ordinal) < 0
            && json.IndexOf(NaN, StringComparison.Ordinal) < 0)
        {
            return json;
        }

        var text = new StringBuilder(json.Length + 16);
        int i = 0;
        while (i < json.Length)
        {
            char c = json[i];
            if (c == '"')
            {
                int end = StringEnd(json, i);
                text.Append(json, i, end - i);
                i = end;
            }
            else if (c == '/' && i + 1 < json.Length && (json[i + 1] == '/' || json[i + 1] == '*'))
            {
                int end = json[i + 1] == '/' ? LineEnd(json, i) : CommentEnd(json, i);
                text.Append(json, i, end - i);
                i = end;
            }
            else if (StartsWith(json, i, "NaN"))
            {
                text.Append(NaN);
                i += 3;
            }
            else if (StartsWith(json, i, "Infinity"))
            {
                text.Append("1e400");
                i += 8;
            }
            else if (StartsWith(json, i, "-Infinity"))
            {
                text.Append("-1e400");
                i += 9;
            }
            else if (StartsWith(json, i, NaN) && !IsNumberCharacter(json, i + NaN.Length) && (i == 0 || !IsNumberCharacter(json, i - 1)))
            {
                text.Append(EscapedNaN);
                i += NaN.Length;
            }
            else
            {
                text.Append(c);
                i++;
            }
        }

        return text.ToString();
    }

    private static bool StartsWith(string json, int index, string word) => string.CompareOrdinal(json, index, word, 0, word.Length) == 0;

    private static bool IsNumberCharacter(string json, int index) =>
        index >= 0 && index < json.Length && (char.IsAsciiDigit(json[index]) || json[index] is '.' or 'e' or 'E' or '+' or '-');

    /// <summary>The index after the string that opens at <paramref name="start"/> (or the text's end when it never closes).</summary>
    private static int StringEnd(string json, int start)
    {
        for (int i = start + 1; i < json.Length; i++)
        {
            if (json[i] == '\\')
            {
                i++;
            }
            else if (json[i] == '"')
            {
                return i + 1;
            }
        }

        return json.Length;
    }

    private static int LineEnd(string json, int start)
    {
        int end = json.IndexOfAny(['\n', '\r'], start);
        return end < 0 ? json.Length : end;
    }

    private static int CommentEnd(string json, int start)
    {
        int end = json.IndexOf("*/", start + 2, StringComparison.Ordinal);
        return end < 0 ? json.Length : end + 2;
    }
}
