using System.Text.Json;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// A hand-written <c>bytedance/seedream-4-0/edit</c> request, so the client benchmark does not depend on the
/// generator. Its body is exactly <see cref="BodyJson"/>, which the hand-written baseline sends too.
/// </summary>
public sealed class ClientBenchmarkRequest : IRunComfyRequest
{
    public const string Prompt = "a lighthouse at dusk, oil painting";
    public const string Image = "https://example.com/lighthouse.png";

    /// <summary>The body both sides send.</summary>
    public static string BodyJson { get; } = $$"""{"prompt":"{{Prompt}}","images":["{{Image}}"]}""";

    public string ModelId => "bytedance/seedream-4-0/edit";

    public ValidationResult Validate()
    {
        var errors = new List<ValidationError>();
        if (Prompt.EnumerateRunes().Count() > 600)
        {
            errors.Add(new ValidationError("prompt", "maxLength", "prompt must be at most 600 characters."));
        }

        MediaInput.FromUrl(Image).Validate("images[0]", errors);
        return errors.Count == 0 ? ValidationResult.Success : new ValidationResult(errors);
    }

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("prompt", Prompt);
        writer.WriteStartArray("images");
        writer.WriteStringValue(Image);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public IReadOnlyList<MediaField> GetMediaFields() => [new MediaField("images[0]", Image, [])];
}
