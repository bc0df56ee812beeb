using Spectre.Console;
using Spectre.Console.Rendering;

namespace RunComfy.Cli.Rendering;

/// <summary>
/// A model's heading: a rule with the model id in bold, then plain text. A rule cuts a title too long for the terminal
/// ("bytedance/seedream-4-0/te…"), and the id is what users copy: when it does not fit, the title is written above a
/// plain rule instead, wrapped after a '/' or at a space where it can be, never cut.
/// </summary>
internal static class Heading
{
    /// <summary>The rule's own cells around a title: "── " before it, " ──" after.</summary>
    private const int RuleCells = 6;

    /// <param name="console">Where to write.</param>
    /// <param name="bold">The model id, already cleaned of control characters (written in bold).</param>
    /// <param name="plain">What follows it, with its leading space, or empty.</param>
    public static void Write(IAnsiConsole console, string bold, string plain = "")
    {
        var width = Math.Max(1, console.Profile.Width);
        if (Cells(bold + plain) + RuleCells <= width)
        {
            console.Write(new Rule($"[bold]{Markup.Escape(bold)}[/]{Markup.Escape(plain)}").LeftJustified());
            return;
        }

        foreach (var line in Wrap([.. Pieces(bold, isBold: true), .. Pieces(plain, isBold: false)], width))
        {
            console.MarkupLine(string.Concat(line.Select(p => p.IsBold ? $"[bold]{Markup.Escape(p.Text)}[/]" : Markup.Escape(p.Text))));
        }

        console.Write(new Rule());
    }

    /// <summary>Breakable pieces: an id after each '/', plain text before each space (the space starts the next piece).</summary>
    private static IEnumerable<(string Text, bool IsBold)> Pieces(string text, bool isBold)
    {
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var breakAfter = isBold ? text[i] == '/' : i + 1 < text.Length && text[i + 1] == ' ';
            if (breakAfter)
            {
                yield return (text[start..(i + 1)], isBold);
                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            yield return (text[start..], isBold);
        }
    }

    /// <summary>Fills lines of at most <paramref name="width"/> cells; a piece longer than a line is split by text elements.</summary>
    private static List<List<(string Text, bool IsBold)>> Wrap(IEnumerable<(string Text, bool IsBold)> pieces, int width)
    {
        var lines = new List<List<(string Text, bool IsBold)>> { new() };
        var used = 0;
        foreach (var (text, isBold) in pieces)
        {
            // A piece that starts a line drops its leading space.
            var piece = used == 0 ? text.TrimStart(' ') : text;
            if (used > 0 && used + Cells(piece) > width)
            {
                lines.Add([]);
                used = 0;
                piece = piece.TrimStart(' ');
            }

            foreach (var element in Elements(piece))
            {
                var cells = Cells(element);
                if (used > 0 && used + cells > width)
                {
                    lines.Add([]);
                    used = 0;
                }

                Append(lines[^1], element, isBold);
                used += cells;
            }
        }

        return lines;
    }

    /// <summary>Terminal cells <paramref name="text"/> takes (a wide CJK character takes two).</summary>
    private static int Cells(string text) => new Segment(text).CellCount();

    private static void Append(List<(string Text, bool IsBold)> line, string text, bool isBold)
    {
        if (line.Count > 0 && line[^1].IsBold == isBold)
        {
            line[^1] = (line[^1].Text + text, isBold);
        }
        else
        {
            line.Add((text, isBold));
        }
    }

    private static IEnumerable<string> Elements(string text)
    {
        var elements = System.Globalization.StringInfo.GetTextElementEnumerator(text);
        while (elements.MoveNext())
        {
            yield return elements.GetTextElement();
        }
    }
}
