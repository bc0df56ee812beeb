using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunComfy.SchemaClient.Generator;

namespace RunComfy.SchemaClient.Benchmarks.GeneratedCode;

/// <summary>
/// The first N schemas (the 2 bundled seeds, then the 121 catalog schemas) generated and compiled in memory, as a
/// consumer's Release build would: the assembly's bytes, to load or to weigh.
/// </summary>
internal static class GeneratedModelsAssembly
{
    public static byte[] Compile(int count, string assemblyName)
    {
        IReadOnlyList<GeneratorSchemaFile> schemas = [.. GeneratorSchemaFile.LoadAll().Take(count)];
        var parseOptions = new CSharpParseOptions(LanguageVersion.Latest);
        CSharpCompilation compilation = CSharpCompilation.Create(
            assemblyName,
            [CSharpSyntaxTree.ParseText("namespace Consumer { internal static class Placeholder { } }", parseOptions)],
            References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new SchemaClientGenerator().AsSourceGenerator()],
            [.. schemas.Select(s => (AdditionalText)new GeneratorAdditionalText(s.Path, s.Text))],
            parseOptions,
            new GeneratorSchemaOptions(schemas.ToDictionary(s => s.Path, s => s.ModelId)));
        driver.RunGeneratorsAndUpdateCompilation(compilation, out Compilation output, out _);
        using var stream = new MemoryStream();
        var emitted = output.Emit(stream);
        if (!emitted.Success)
        {
            throw new InvalidOperationException("The generated models do not compile: " + string.Join(Environment.NewLine, emitted.Diagnostics.Take(5)));
        }

        return stream.ToArray();
    }

    // The shared framework plus the runtime: what a consumer project compiles against.
    private static IEnumerable<MetadataReference> References()
    {
        string frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Where(p => string.Equals(Path.GetDirectoryName(p), frameworkDirectory, StringComparison.Ordinal))
            .Append(typeof(ModelCatalog).Assembly.Location)
            .Distinct(StringComparer.Ordinal)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p));
    }
}
