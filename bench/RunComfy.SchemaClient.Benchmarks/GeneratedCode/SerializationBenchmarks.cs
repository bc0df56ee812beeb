using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using RunComfy.Models.Bytedance;

namespace RunComfy.SchemaClient.Benchmarks.GeneratedCode;

/// <summary>
/// Generated <c>FromJson</c>, <c>ToJson()</c> and <c>Validate()</c> of <c>Seedream40EditSequentialRequest</c> against
/// System.Text.Json on an equivalent POCO in the same run: source-generated (the baseline of each category) and
/// reflection. STJ is set up as strictly as it goes (unknown fields refused, duplicate keys refused).
/// </summary>
[MemoryDiagnoser]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class SerializationBenchmarks
{
    private const string Body =
        """{"images":["https://example.com/a.png","https://example.com/b.png"],"text":"Generate 3 images of a beautiful sunset over a calm ocean.","sequential_image_generation_options":3,"image_size":"2560:1440 (16:9)","seed":42,"optimize_prompt_options":"fast","sequential_image_generation":"auto"}""";

    private static readonly JsonSerializerOptions Reflection = new()
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
    };

    private static readonly SeedreamPocoContext SourceGen = new(new JsonSerializerOptions
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        AllowDuplicateProperties = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    // For reference: STJ's defaults, which accept unknown fields and let a repeated key win silently.
    private static readonly SeedreamPocoContext SourceGenLenient = new(new JsonSerializerOptions
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private Seedream40EditSequentialRequest _request = null!;
    private SeedreamPoco _poco = null!;

    [GlobalSetup]
    public void Setup()
    {
        _request = Seedream40EditSequentialRequest.FromJson(Body);
        _poco = JsonSerializer.Deserialize(Body, SourceGen.SeedreamPoco)!;
        if (_request.ToJson() != Body || JsonSerializer.Serialize(_poco, SourceGen.SeedreamPoco) != Body || !_request.Validate().IsValid)
        {
            throw new InvalidOperationException("The three ways must read and write the same body.");
        }
    }

    [BenchmarkCategory("FromJson"), Benchmark(Baseline = true)]
    public SeedreamPoco FromJson_StjSourceGen() => JsonSerializer.Deserialize(Body, SourceGen.SeedreamPoco)!;

    [BenchmarkCategory("FromJson"), Benchmark]
    public SeedreamPoco FromJson_StjReflection() => JsonSerializer.Deserialize<SeedreamPoco>(Body, Reflection)!;

    [BenchmarkCategory("FromJson"), Benchmark]
    public SeedreamPoco FromJson_StjSourceGenLenient() => JsonSerializer.Deserialize(Body, SourceGenLenient.SeedreamPoco)!;

    [BenchmarkCategory("FromJson"), Benchmark]
    public Seedream40EditSequentialRequest FromJson_Generated() => Seedream40EditSequentialRequest.FromJson(Body);

    [BenchmarkCategory("ToJson"), Benchmark(Baseline = true)]
    public string ToJson_StjSourceGen() => JsonSerializer.Serialize(_poco, SourceGen.SeedreamPoco);

    [BenchmarkCategory("ToJson"), Benchmark]
    public string ToJson_StjReflection() => JsonSerializer.Serialize(_poco, Reflection);

    [BenchmarkCategory("ToJson"), Benchmark]
    public string ToJson_Generated() => _request.ToJson();

    [BenchmarkCategory("Validate"), Benchmark]
    public bool Validate_Generated() => _request.Validate().IsValid;
}
