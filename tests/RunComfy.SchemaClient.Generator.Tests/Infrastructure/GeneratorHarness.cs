using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace RunComfy.SchemaClient.Generator.Tests.Infrastructure;

/// <summary>Runs the generator in memory over given schemas, as the compiler does in a build.</summary>
public static class GeneratorHarness
{
    /// <summary>Parse options of the generated code: latest C#, doc comments checked (as the runtime's build does).</summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.Latest, DocumentationMode.Diagnose);

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(() =>
    {
        // The shared framework plus the runtime assembly: what a consumer project compiles against.
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        var paths = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal))
            .Append(typeof(ModelCatalog).Assembly.Location);
        return [.. paths.Distinct(StringComparer.Ordinal).Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    });

    /// <summary>An empty library compilation referencing the runtime.</summary>
    public static CSharpCompilation CreateCompilation(string assemblyName = "GeneratedModels") =>
        CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Placeholder { } }", ParseOptions)],
            References.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>A driver over <paramref name="schemas"/> that records every step's run reason.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SchemaInput> schemas) => CreateDriver(schemas, out _);

    /// <summary>A driver over <paramref name="schemas"/>; <paramref name="texts"/> are its files, to replace one later.</summary>
    public static GeneratorDriver CreateDriver(IEnumerable<SchemaInput> schemas, out ImmutableArray<AdditionalText> texts)
    {
        var list = schemas.ToList();
        texts = [.. list.Select(s => (AdditionalText)new InMemoryAdditionalText(s.Path, s.Text))];
        return CSharpGeneratorDriver.Create(
            [new SchemaClientGenerator().AsSourceGenerator()],
            texts,
            ParseOptions,
            new SchemaOptionsProvider(list.ToDictionary(s => s.Path, Metadata)),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
    }

    /// <summary>Runs the generator once and compiles its output.</summary>
    public static GenerationResult Run(IEnumerable<SchemaInput> schemas, string assemblyName = "GeneratedModels")
    {
        GeneratorDriver driver = CreateDriver(schemas).RunGeneratorsAndUpdateCompilation(CreateCompilation(assemblyName), out Compilation output, out _);
        return new GenerationResult(driver.GetRunResult(), output);
    }

    /// <summary>Runs the generator over one schema.</summary>
    public static GenerationResult Run(SchemaInput schema) => Run([schema]);

    private static IReadOnlyDictionary<string, string> Metadata(SchemaInput schema)
    {
        var values = new Dictionary<string, string>
        {
            ["build_metadata.AdditionalFiles.RunComfySchema"] = schema.IsSchema ? "true" : "false",
        };
        if (schema.ModelId is not null)
        {
            values["build_metadata.AdditionalFiles.RunComfyModelId"] = schema.ModelId;
        }

        return values;
    }
}
