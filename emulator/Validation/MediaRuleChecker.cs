using System.Globalization;

namespace RunComfy.Emulator.Validation;

/// <summary>
/// Applies <c>validations</c> rules to one media input: <c>file_size_mb&lt;</c> (bytes against value x 1,000,000),
/// <c>width/height&gt;</c>/<c>&lt;</c>, <c>width_pixels&gt;</c>/<c>&lt;</c>, <c>height_pixels&gt;</c>/<c>&lt;</c>.
/// Comparisons are strict, as the rule names say. Unknown rules are ignored.
/// </summary>
internal static class MediaRuleChecker
{
    public static void Check(string uri, FieldPath path, IReadOnlyList<MediaRuleSpec> rules, IMediaSource source, List<InputError> errors)
    {
        var fetch = source.Fetch(uri);
        if (fetch.Problem is { } problem)
        {
            errors.Add(new InputError(path, "media", problem));
            return;
        }
        if (fetch.Bytes is not { } bytes) return;

        int width = 0, height = 0;
        var hasSize = false;
        var sizeRead = false;
        foreach (var rule in rules)
        {
            var (measure, comparison) = Split(rule.Rule);
            double actual;
            if (measure == "file_size_mb")
            {
                // The value is in MB of 1,000,000 bytes; compare bytes to keep integers exact.
                actual = bytes.Length;
                if (!Holds(actual, comparison, rule.Value * 1_000_000)) errors.Add(Error(path, rule, $"The file is {bytes.Length.ToString(CultureInfo.InvariantCulture)} bytes."));
                continue;
            }
            if (measure is not ("width/height" or "width_pixels" or "height_pixels")) continue;

            if (!sizeRead)
            {
                hasSize = ImageDimensions.TryRead(bytes, out width, out height);
                sizeRead = true;
                if (!hasSize) errors.Add(new InputError(path, rule.Rule, "The image's width and height cannot be read (not a PNG, JPEG, GIF, BMP or WebP image)."));
            }
            if (!hasSize) continue;

            actual = measure switch
            {
                "width/height" => (double)width / height,
                "width_pixels" => width,
                _ => height,
            };
            if (!Holds(actual, comparison, rule.Value)) errors.Add(Error(path, rule, $"The image is {width}x{height} pixels."));
        }
    }

    private static (string Measure, char Comparison) Split(string rule)
    {
        var trimmed = rule.Trim();
        if (trimmed.Length > 1 && trimmed[^1] is '<' or '>') return (trimmed[..^1].Trim(), trimmed[^1]);
        return (trimmed, ' ');
    }

    private static bool Holds(double actual, char comparison, double limit) => comparison switch
    {
        '<' => actual < limit,
        '>' => actual > limit,
        _ => true,
    };

    private static InputError Error(FieldPath path, MediaRuleSpec rule, string facts) =>
        new(path, rule.Rule, rule.Message is { Length: > 0 } message
            ? $"{message} {facts}"
            : $"The media breaks the rule '{rule.Rule} {rule.Value.ToString(CultureInfo.InvariantCulture)}'. {facts}");
}
