namespace RunComfy.SchemaClient.Generator.Tests.Security;

/// <summary>The text an attacker would put into a schema, shared by the security tests.</summary>
public static class HostileText
{
    /// <summary>The issue's payload: a line separator ends a <c>///</c> line and the rest would compile as a member.</summary>
    public const string ModuleInitializer =
        "x\u2028[System.Runtime.CompilerServices.ModuleInitializer] internal static void P(){ System.Environment.Exit(3); } //";

    /// <summary>Every character that can end a line in C#.</summary>
    public static IReadOnlyList<string> LineBreaks { get; } = ["\r", "\n", "\r\n", "\u0085", "\u2028", "\u2029"];

    /// <summary>Each dangerous character or sequence, one by one.</summary>
    public static IReadOnlyList<string> Pieces { get; } =
    [
        "\u2028", "\u2029", "\r", "\n", "\u0085", "*/", "/*", "#", "\"", "\\", "{", "}", "<", ">", "&", "\0",
        "\uD800", "\uDC00", "\uDBFF\u0041", "\u202E", "\u2066", "\uFEFF", "\u200B", "\u001B[2J", "\t", "\uFFFE", "'", "///", "@\"", "\"\"\"",
        "\U0001F600", "\U000E0041",
    ];

    /// <summary>All the pieces in one string, between words so each stands alone.</summary>
    public static string All { get; } = "start " + string.Join(" x ", Pieces) + " end";

    /// <summary>
    /// <paramref name="text"/> as the schema reader returns it: Newtonsoft reads a lone surrogate escape
    /// (<c>\ud800</c>) as U+FFFD, so that is what reaches the generated code.
    /// </summary>
    public static string AsRead(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>Text longer than any doc limit, with the pieces inside.</summary>
    public static string VeryLong { get; } = string.Concat(Enumerable.Repeat(All + " ", 60));
}
