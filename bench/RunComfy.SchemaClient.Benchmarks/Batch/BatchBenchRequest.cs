using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace RunComfy.SchemaClient.Benchmarks.Batch;

/// <summary>A <c>bytedance/seedream-4-0/edit</c> request with a numbered prompt, so each job's body is unique and the emulator's ledger can spot a duplicate.</summary>
public sealed class BatchBenchRequest(int number) : IRunComfyRequest
{
    private const string Image = "https://example.com/frame.png";

    public string ModelId => "bytedance/seedream-4-0/edit";

    public string Prompt { get; } = "storyboard frame " + number.ToString(CultureInfo.InvariantCulture);

    public ValidationResult Validate() => ValidationResult.Success;

    public void WriteJson(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("prompt", Prompt);
        writer.WriteStartArray("images");
        writer.WriteStringValue(Image);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    public IReadOnlyList<MediaField> GetMediaFields() => [];

    /// <summary>The body exactly as the client sends it, to look it up in the emulator's ledger.</summary>
    public string Body()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
