using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace RunComfy.AI;

/// <summary>
/// Picks the enum value of a size or aspect-ratio parameter closest to a requested size, as
/// <see cref="Microsoft.Extensions.AI.ImageGenerationOptions.ImageSize"/> asks ("the closest supported size is used").
/// </summary>
internal static partial class ImageSizeMatcher
{
    /// <summary>
    /// The value whose pixel size (<c>2048x2048 (1:1)</c>, <c>1024*768</c>, <c>2048:2048</c>) is closest in both sides;
    /// only when no value names pixels, the one whose long edge (<c>1K</c>, <c>2K</c>) is closest.
    /// </summary>
    public static string? ClosestSize(IReadOnlyList<string> enumJson, int width, int height)
    {
        var texts = enumJson.Select(json => (Json: json, Text: EnumText(json))).Where(v => v.Text is not null).ToList();
        var bySides = Closest(texts, text => PixelSize().Match(text) is { Success: true } m
            ? Math.Abs(Math.Log(Number(m.Groups[1].Value) / width)) + Math.Abs(Math.Log(Number(m.Groups[2].Value) / height))
            : null);

        // "1K", "2K", "4K": a long edge of about 1024 px per K, whatever the shape.
        return bySides ?? Closest(texts, text => LongEdge().Match(text) is { Success: true } m
            ? Math.Abs(Math.Log(Number(m.Groups[1].Value) * 1024 / Math.Max(width, height)))
            : null);
    }

    /// <summary>The value whose ratio (<c>16:9</c>) is closest to width/height.</summary>
    public static string? ClosestAspectRatio(IReadOnlyList<string> enumJson, int width, int height)
    {
        var wanted = Math.Log((double)width / height);
        var texts = enumJson.Select(json => (Json: json, Text: EnumText(json))).Where(v => v.Text is not null).ToList();
        return Closest(texts, text => Ratio().Match(text) is { Success: true } m && Number(m.Groups[1].Value) > 0 && Number(m.Groups[2].Value) > 0
            ? Math.Abs(Math.Log(Number(m.Groups[1].Value) / Number(m.Groups[2].Value)) - wanted)
            : null);
    }

    /// <summary>The string an enum value's JSON text holds, or null for a number or anything else.</summary>
    public static string? EnumText(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind == JsonValueKind.String ? document.RootElement.GetString() : null;
    }

    // Pixel sizes have at least three digits a side, so "2048:2048 (1:1)" is a size and "16:9" is a ratio.
    /// <summary>The value with the smallest distance, the first of equals; null when no value has one.</summary>
    private static string? Closest(List<(string Json, string? Text)> values, Func<string, double?> distance)
    {
        string? best = null;
        var bestDistance = double.MaxValue;
        foreach (var (json, text) in values)
        {
            if (distance(text!) is double d && d < bestDistance)
            {
                bestDistance = d;
                best = json;
            }
        }

        return best;
    }

    private static double Number(string text) => double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^\s*([1-9][0-9]{2,5})\s*[x*×:]\s*([1-9][0-9]{2,5})", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex PixelSize();

    [GeneratedRegex(@"^\s*([1-8])\s*K\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex LongEdge();

    [GeneratedRegex(@"^\s*([0-9]{1,2}(?:\.[0-9]+)?)\s*:\s*([0-9]{1,2}(?:\.[0-9]+)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Ratio();
}
