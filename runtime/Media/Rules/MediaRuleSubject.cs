namespace RunComfy.Media.Rules;

/// <summary>What a <c>validations</c> rule measures.</summary>
internal enum MediaRuleSubject
{
    /// <summary><c>file_size_mb</c>: bytes against the value x 1,000,000.</summary>
    FileSizeMb,

    /// <summary><c>width_pixels</c>: the stored width.</summary>
    WidthPixels,

    /// <summary><c>height_pixels</c>: the stored height.</summary>
    HeightPixels,

    /// <summary><c>width/height</c>: the aspect ratio.</summary>
    AspectRatio,
}
