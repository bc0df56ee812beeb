using System.Text.Json;

namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>
/// A hand-written stand-in for the generated <c>Seedream40EditSequentialRequest</c>, so media validation is
/// tested without the generator. Its image rules are copied from schemas/bytedance/seedream-4-0/edit-sequential.json;
/// <see cref="Video"/> carries runway-aleph-2's size rule and <see cref="Mask"/> an unknown rule.
/// </summary>
internal sealed class SequentialEditRequest : IRunComfyRequest
{
    public static IReadOnlyList<MediaRule> ImageRules { get; } =
    [
        new("file_size_mb<", 10, "File size must be less than 10 MB."),
        new("width/height>", 0.33, "The aspect ratio range should be 1:3 to 3:1."),
        new("width/height<", 3, "The aspect ratio range should be 1:3 to 3:1."),
        new("width_pixels>", 14, "The uploaded image width and height must exceed 14 pixels."),
        new("height_pixels>", 14, "The uploaded image width and height must exceed 14 pixels."),
        new("width_pixels<", 6000, "The uploaded image width and height must not exceed 6000 pixels."),
        new("height_pixels<", 6000, "The uploaded image width and height must not exceed 6000 pixels."),
    ];

    public static IReadOnlyList<MediaRule> VideoRules { get; } = [new("file_size_mb<", 16, "File size must be less than 16 MB.")];

    public static IReadOnlyList<MediaRule> MaskRules { get; } =
    [
        new("duration_seconds<", 30, "Too long."),
        new("width_pixels>", 14, null),
    ];

    public IReadOnlyList<MediaInput> Images { get; init; } = [];

    /// <summary>The rules applied to each image; the seed schema's unless a test replaces them.</summary>
    public IReadOnlyList<MediaRule> ImageRulesInUse { get; init; } = ImageRules;

    public MediaInput? Video { get; init; }

    public MediaInput? Mask { get; init; }

    public string Text { get; init; } = "Generate 3 images of a beautiful sunset over a calm ocean.";

    public string ModelId => "bytedance/seedream-4-0/edit-sequential";

    public ValidationResult Validate()
    {
        var errors = new List<ValidationError>();
        if (Images.Count is < 1 or > 10)
        {
            errors.Add(new ValidationError("images", Images.Count < 1 ? "minItems" : "maxItems", "Between 1 and 10 images are required."));
        }

        for (var i = 0; i < Images.Count; i++)
        {
            Images[i].Validate($"images[{i}]", errors);
        }

        Video?.Validate("video_url", errors);
        Mask?.Validate("mask", errors);
        if (Text.Length > 600)
        {
            errors.Add(new ValidationError("text", "maxLength", "At most 600 characters."));
        }

        return errors.Count == 0 ? ValidationResult.Success : new ValidationResult(errors);
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WritePropertyName("images");
        writer.WriteStartArray();
        foreach (var image in Images)
        {
            image.WriteTo(writer);
        }

        writer.WriteEndArray();
        if (Video is not null)
        {
            writer.WritePropertyName("video_url");
            Video.WriteTo(writer);
        }

        writer.WriteString("text", Text);
        writer.WriteEndObject();
    }

    public IReadOnlyList<MediaField> GetMediaFields()
    {
        var fields = Images.Select((image, i) => new MediaField($"images[{i}]", image, ImageRulesInUse)).ToList();
        if (Video is not null)
        {
            fields.Add(new MediaField("video_url", Video, VideoRules));
        }

        if (Mask is not null)
        {
            fields.Add(new MediaField("mask", Mask, MaskRules));
        }

        return fields;
    }
}
