using System.Text;

namespace RunComfy.Client.Wire;

/// <summary>
/// The rule for a request id, which goes into a URL path: exactly one safe path segment. Applied to ids
/// given by callers (before anything is sent) and to ids the server hands back (a submit answer), so a
/// hostile or broken answer can never point a later status, result or cancel call at another path.
/// </summary>
internal static class RequestIds
{
    /// <summary>The longest request id accepted (RunComfy's are 36-character UUIDs).</summary>
    public const int MaxLength = 256;

    /// <summary>Whether <paramref name="id"/> is one safe path segment; when not, <paramref name="problem"/> says why.</summary>
    public static bool IsSafe(string? id, out string problem)
    {
        problem = id switch
        {
            null or "" => "it is empty",
            { Length: > MaxLength } => $"it is longer than {MaxLength} characters",
            "." or ".." => "'.' and '..' are path steps, not ids",
            _ => FirstBadCharacter(id),
        };
        return problem.Length == 0;
    }

    /// <summary>Throws <see cref="ArgumentException"/> (naming <paramref name="parameterName"/>) when <paramref name="id"/> is not one safe path segment.</summary>
    public static void Validate(string? id, string parameterName)
    {
        if (!IsSafe(id, out var problem))
        {
            throw new ArgumentException($"{Show(id)} is not a request id: {problem}. {Rule}", parameterName);
        }
    }

    /// <summary>The rule, for messages.</summary>
    public const string Rule =
        $"A request id is one URL path segment of at most 256 characters, without '/', '\\', '?', '#', '%', whitespace, control characters, lone surrogates or U+FFFD, and not '.' or '..'.";

    /// <summary>An id as it may be shown: quoted, control characters and lone surrogates escaped, cut to 80 characters.</summary>
    public static string Show(string? id)
    {
        if (id is null)
        {
            return "(null)";
        }

        var builder = new StringBuilder("'");
        for (var i = 0; i < id.Length && builder.Length < 80; i++)
        {
            var c = id[i];
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                builder.Append(c).Append(id[++i]);
            }
            else if (char.IsControl(c) || char.IsSurrogate(c) || char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format
                     || (char.IsWhiteSpace(c) && c != ' '))
            {
                builder.Append($"\\u{(int)c:x4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.Append(id.Length > 0 && builder.Length >= 80 ? "…'" : "'").ToString();
    }

    private static string FirstBadCharacter(string id)
    {
        for (var i = 0; i < id.Length; i++)
        {
            var c = id[i];
            if (char.IsHighSurrogate(c) && i + 1 < id.Length && char.IsLowSurrogate(id[i + 1]))
            {
                i++;
                continue;
            }

            var problem = c switch
            {
                '/' or '\\' => $"'{c}' would change the path",
                '?' or '#' => $"'{c}' would end the path",
                '%' => "'%' would be read as an escape",
                '\uFFFD' => "it has a replacement character (the text was not valid UTF-8)",
                _ when char.IsSurrogate(c) => $"it has a lone surrogate (\\u{(int)c:x4})",
                _ when char.IsControl(c) => $"it has a control character (\\u{(int)c:x4})",
                _ when char.IsWhiteSpace(c) => $"it has whitespace (\\u{(int)c:x4})",
                _ when char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format => $"it has an invisible format character (\\u{(int)c:x4})",
                _ => "",
            };
            if (problem.Length > 0)
            {
                return problem;
            }
        }

        return "";
    }
}
