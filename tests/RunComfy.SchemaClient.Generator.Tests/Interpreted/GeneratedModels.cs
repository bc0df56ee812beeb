using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests.Interpreted;

/// <summary>
/// The 121 catalog schemas, the edge-case schema and a schema with every checked keyword compiled by the generator once, in memory, loaded into a
/// collectible <see cref="AssemblyLoadContext"/>; plus the two seeds the runtime itself compiles. The generated
/// catalog class (whose module initializer would register the models process-wide) is left out: each model's
/// <see cref="ModelInfo"/> is read from its request type's static <c>Metadata</c>.
/// </summary>
public sealed class GeneratedModels : IDisposable
{
    public const string EdgeModelId = "acme/edge-cases";

    /// <summary>A schema written to use every keyword the generator checks, including item rules no published schema has.</summary>
    public const string KeywordsModelId = "acme/differential-keywords";

    private readonly AssemblyLoadContext _context = new("differential-models", isCollectible: true);

    public GeneratedModels()
    {
        string edgePath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "edge", "keywords.json");
        string keywordsPath = Path.Combine(AppContext.BaseDirectory, "Fixtures", "differential", "keywords.json");
        Schemas =
        [
            .. Fixtures.Catalog,
            new SchemaInput(edgePath, File.ReadAllText(edgePath), EdgeModelId),
            new SchemaInput(keywordsPath, File.ReadAllText(keywordsPath), KeywordsModelId),
        ];
        GenerationResult result = GeneratorHarness.Run(Schemas, "RunComfy.DifferentialModels");
        Compilation compilation = result.Compilation.RemoveSyntaxTrees(
            result.Compilation.SyntaxTrees.Where(t => t.FilePath.EndsWith("GeneratedModelCatalog.g.cs", StringComparison.Ordinal)));
        using var stream = new MemoryStream();
        var emitted = compilation.Emit(stream);
        emitted.Success.ShouldBeTrue(string.Join(Environment.NewLine, emitted.Diagnostics));
        stream.Position = 0;
        Assembly assembly = _context.LoadFromStream(stream);
        Models =
        [
            .. assembly.GetTypes()
                .Where(t => t.GetInterfaces().Any(i => i == typeof(IRunComfyRequest)))
                .Select(t => (ModelInfo)t.GetProperty("Metadata", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!)
                .Concat(Fixtures.Seeds.Select(s => ModelCatalog.Get(s.ModelId!)))
                .OrderBy(m => m.ModelId, StringComparer.Ordinal),
        ];
        Schemas = [.. Schemas, .. Fixtures.Seeds];
    }

    /// <summary>Every schema compared: catalog, edge cases, seeds.</summary>
    public IReadOnlyList<SchemaInput> Schemas { get; }

    /// <summary>The generated model of each schema, ordered by id.</summary>
    public IReadOnlyList<ModelInfo> Models { get; }

    public void Dispose() => _context.Unload();
}
