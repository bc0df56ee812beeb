namespace RunComfy;

/// <summary>
/// The <c>validations</c> rules this runtime understands (the generator warns about any other rule,
/// and keeps it as data). Each compares a property of the media file with <see cref="MediaRule.Value"/>.
/// </summary>
public static class MediaRuleNames
{
    /// <summary>File size in megabytes must be below the value.</summary>
    public const string FileSizeMbBelow = "file_size_mb<";

    /// <summary>File size in megabytes must be above the value.</summary>
    public const string FileSizeMbAbove = "file_size_mb>";

    /// <summary>Width divided by height must be below the value.</summary>
    public const string AspectRatioBelow = "width/height<";

    /// <summary>Width divided by height must be above the value.</summary>
    public const string AspectRatioAbove = "width/height>";

    /// <summary>Width in pixels must be below the value.</summary>
    public const string WidthPixelsBelow = "width_pixels<";

    /// <summary>Width in pixels must be above the value.</summary>
    public const string WidthPixelsAbove = "width_pixels>";

    /// <summary>Height in pixels must be below the value.</summary>
    public const string HeightPixelsBelow = "height_pixels<";

    /// <summary>Height in pixels must be above the value.</summary>
    public const string HeightPixelsAbove = "height_pixels>";

    /// <summary>Every rule name above.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        FileSizeMbBelow, FileSizeMbAbove, AspectRatioBelow, AspectRatioAbove, WidthPixelsBelow, WidthPixelsAbove,
        HeightPixelsBelow, HeightPixelsAbove,
    ];
}
