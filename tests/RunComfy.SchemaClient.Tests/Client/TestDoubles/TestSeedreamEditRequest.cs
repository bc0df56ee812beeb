using System.Text.Json;

namespace RunComfy.SchemaClient.Tests.Client.TestDoubles;

/// <summary>
/// A hand-written request for <c>bytedance/seedream-4-0/edit</c>, so the client tests do not depend on the
/// generator: <c>prompt</c> (required, at most 600 code points) and <c>images</c> (required, 1 to 10).
/// </summary>
public sealed class TestSeedreamEditRequest : IRunComfyRequest
{
    public string ModelId { get; init; } = "bytedance/seedream-4-0/edit";

    public string? Prompt { get; init; }

    public IReadOnlyList<MediaInput>? Images { get; init; }

    public string? Resolution { get; init; }

    /// <summary>How many times <see cref="WriteJson"/> ran (the client must write the body once).</summary>
    public int WriteCount { get; private set; }

    public static TestSeedreamEditRequest Valid(string prompt = "a cat in a hat") =>
        new() { Prompt = prompt, Images = ["https://example.com/cat.png"] };

    public ValidationResult Validate()
    {
        var errors = new List<ValidationError>();
        if (Prompt is null)
        {
            errors.Add(new ValidationError("prompt", "required", "prompt is required."));
        }
        else if (Prompt.EnumerateRunes().Count() > 600)
        {
            errors.Add(new ValidationError("prompt", "maxLength", "prompt must be at most 600 characters."));
        }

        if (Images is null)
        {
            errors.Add(new ValidationError("images", "required", "images is required."));
        }
        else
        {
            if (Images.Count < 1)
            {
                errors.Add(new ValidationError("images", "minItems", "images needs at least 1 item."));
            }

            if (Images.Count > 10)
            {
                errors.Add(new ValidationError("images", "maxItems", "images takes at most 10 items."));
            }

            for (var i = 0; i < Images.Count; i++)
            {
                Images[i].Validate($"images[{i}]", errors);
            }
        }

        return errors.Count == 0 ? ValidationResult.Success : new ValidationResult(errors);
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        WriteCount++;
        writer.WriteStartObject();
        if (Prompt is not null)
        {
            writer.WriteString("prompt", Prompt);
        }

        if (Images is not null)
        {
            writer.WriteStartArray("images");
            foreach (var image in Images)
            {
                image.WriteTo(writer);
            }

            writer.WriteEndArray();
        }

        if (Resolution is not null)
        {
            writer.WriteString("resolution", Resolution);
        }

        writer.WriteEndObject();
    }

    public IReadOnlyList<MediaField> GetMediaFields() =>
        Images?.Select((image, i) => new MediaField($"images[{i}]", image, [])).ToList() ?? [];
}
