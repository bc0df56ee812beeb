namespace RunComfy;

/// <summary>
/// The <c>output</c> object of a result: single and multiple image, video and audio URLs, and every
/// URL found anywhere in the output in one list (for models with other keys).
/// </summary>
public sealed partial record RequestOutput
{
    /// <summary>An output with nothing in it.</summary>
    public static RequestOutput Empty { get; } = new();

    /// <summary><c>output.image</c>: one image URL.</summary>
    public Uri? Image { get; init; }

    /// <summary><c>output.images</c>: several image URLs.</summary>
    public IReadOnlyList<Uri> Images { get; init; } = [];

    /// <summary><c>output.video</c>: one video URL.</summary>
    public Uri? Video { get; init; }

    /// <summary><c>output.videos</c>: several video URLs.</summary>
    public IReadOnlyList<Uri> Videos { get; init; } = [];

    /// <summary><c>output.audio</c>: one audio URL.</summary>
    public Uri? Audio { get; init; }

    /// <summary>Every distinct absolute URL in the output, in document order, whatever its key.</summary>
    public IReadOnlyList<Uri> AllUrls { get; init; } = [];

    /// <summary>The <c>output</c> object as JSON text; null when the answer had none.</summary>
    public string? RawJson { get; init; }
}
