using System.Text.Json;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// A stand-in for the generated seedream edit-sequential request (images with the seed schema's rules), so the
/// media benchmarks do not depend on the generator.
/// </summary>
internal sealed class MediaBenchRequest(IReadOnlyList<MediaInput> images) : IRunComfyRequest
{
    private static readonly IReadOnlyList<MediaRule> ImageRules =
    [
        new("file_size_mb<", 10, "File size must be less than 10 MB."),
        new("width/height>", 0.33, "The aspect ratio range should be 1:3 to 3:1."),
        new("width/height<", 3, "The aspect ratio range should be 1:3 to 3:1."),
        new("width_pixels>", 14, "The uploaded image width and height must exceed 14 pixels."),
        new("height_pixels>", 14, "The uploaded image width and height must exceed 14 pixels."),
        new("width_pixels<", 6000, "The uploaded image width and height must not exceed 6000 pixels."),
        new("height_pixels<", 6000, "The uploaded image width and height must not exceed 6000 pixels."),
    ];

    public string ModelId => "bytedance/seedream-4-0/edit-sequential";

    public ValidationResult Validate()
    {
        var errors = new List<ValidationError>();
        for (var i = 0; i < images.Count; i++)
        {
            images[i].Validate($"images[{i}]", errors);
        }

        return errors.Count == 0 ? ValidationResult.Success : new ValidationResult(errors);
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteStartArray("images");
        foreach (var image in images)
        {
            image.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public IReadOnlyList<MediaField> GetMediaFields() =>
        [.. images.Select((image, i) => new MediaField($"images[{i}]", image, ImageRules))];
}
