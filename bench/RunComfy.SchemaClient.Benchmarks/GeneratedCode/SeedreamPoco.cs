using System.Text.Json.Serialization;

namespace RunComfy.SchemaClient.Benchmarks.GeneratedCode;

/// <summary>
/// The System.Text.Json baseline: a POCO equivalent to <c>Seedream40EditSequentialRequest</c> (same JSON names,
/// required fields, enums written as their schema values). Images are plain strings: STJ has no MediaInput.
/// </summary>
public sealed class SeedreamPoco
{
    [JsonPropertyName("images")]
    public required List<string> Images { get; set; }

    [JsonPropertyName("text")]
    public required string Text { get; set; }

    [JsonPropertyName("sequential_image_generation_options")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public int? SequentialImageGenerationOptions { get; set; }

    [JsonPropertyName("image_size")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SeedreamPocoImageSize? ImageSize { get; set; }

    [JsonPropertyName("seed")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public long? Seed { get; set; }

    [JsonPropertyName("optimize_prompt_options")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public SeedreamPocoOptimize? OptimizePromptOptions { get; set; }

    [JsonPropertyName("sequential_image_generation")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? SequentialImageGeneration { get; set; }
}

/// <summary>The schema's <c>image_size</c> values.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SeedreamPocoImageSize>))]
public enum SeedreamPocoImageSize
{
    [JsonStringEnumMemberName("2048:2048 (1:1)")] Square,
    [JsonStringEnumMemberName("2304:1728 (4:3)")] FourThree,
    [JsonStringEnumMemberName("1728:2304 (3:4)")] ThreeFour,
    [JsonStringEnumMemberName("2560:1440 (16:9)")] Wide,
    [JsonStringEnumMemberName("1440:2560 (9:16)")] Tall,
    [JsonStringEnumMemberName("2496:1664 (3:2)")] ThreeTwo,
    [JsonStringEnumMemberName("1664:2496 (2:3)")] TwoThree,
    [JsonStringEnumMemberName("3024:1296 (21:9)")] Cinema,
}

/// <summary>The schema's <c>optimize_prompt_options</c> values.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<SeedreamPocoOptimize>))]
public enum SeedreamPocoOptimize
{
    [JsonStringEnumMemberName("fast")] Fast,
    [JsonStringEnumMemberName("standard")] Standard,
}

/// <summary>The STJ source-generated baseline, as strict as the generated reader about unknown fields.</summary>
[JsonSourceGenerationOptions(UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(SeedreamPoco))]
public sealed partial class SeedreamPocoContext : JsonSerializerContext;
