using System.Text.Json.Serialization;

namespace RunComfy.Cli.Batch;

/// <summary>One line of a batch journal: what became of one input line, at one moment.</summary>
internal sealed record BatchRecord(
    [property: JsonPropertyName("line")] long Line,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("request_id")] string? RequestId = null,
    [property: JsonPropertyName("model_id")] string? ModelId = null,
    [property: JsonPropertyName("outputs")] IReadOnlyList<string>? Outputs = null,
    [property: JsonPropertyName("files")] IReadOnlyList<string>? Files = null,
    [property: JsonPropertyName("error")] string? Error = null,
    [property: JsonPropertyName("at")] DateTimeOffset? At = null);

[JsonSourceGenerationOptions(DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(BatchRecord))]
internal sealed partial class BatchJournalJson : JsonSerializerContext;
