using System.Globalization;

namespace RunComfy.Emulator.Models;

/// <summary>
/// Catalog facts the schemas do not carry (kind, category, display name), derived from the model id the
/// way RunComfy names its models: <c>owner/family/task[/variant]</c>.
/// </summary>
internal static class ModelFacts
{
    // Video families whose task segment does not say "video" (e.g. pixverse .../transition, seedance .../pro).
    private static readonly string[] VideoWords = ["video", "seedance", "pixverse", "kling", "minimax-h", "ltx-"];
    private static readonly string[] AudioWords = ["audio", "music", "speech", "voice"];
    private static readonly string[] Tasks =
    [
        "video-edit", "edit-video", "text-to-image", "image-to-image", "edit", "text-to-video", "image-to-video", "video-to-video",
        "reference-to-video", "audio-to-video", "text-to-audio", "first-last-frame", "extend", "transition",
    ];

    public static ModelKind KindOf(string modelId)
    {
        var id = modelId.ToLowerInvariant();
        if (VideoWords.Any(id.Contains)) return ModelKind.Video;
        if (AudioWords.Any(id.Contains)) return ModelKind.Audio;
        return ModelKind.Image;
    }

    public static string CategoryOf(string modelId, ModelKind kind)
    {
        var id = modelId.ToLowerInvariant();
        var task = Tasks.FirstOrDefault(id.Contains);
        return task ?? kind switch
        {
            ModelKind.Video => "video-generation",
            ModelKind.Audio => "audio-generation",
            _ => "image-generation",
        };
    }

    public static string DisplayNameOf(string modelId)
    {
        // "bytedance/seedream-4-0/edit" -> "Seedream 4 0 Edit": the family and task, owner dropped.
        var segments = modelId.Split('/');
        var words = segments.Skip(segments.Length > 1 ? 1 : 0)
            .SelectMany(segment => segment.Split('-', '_'))
            .Where(word => word.Length > 0)
            .Select(word => char.ToUpper(word[0], CultureInfo.InvariantCulture) + word[1..]);
        return string.Join(' ', words);
    }
}
