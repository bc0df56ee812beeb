using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>A schema file for the generator benchmarks: the 2 bundled seeds, then the 121 catalog fixtures.</summary>
internal sealed record GeneratorSchemaFile(string Path, string ModelId, string Text)
{
    public static IEnumerable<GeneratorSchemaFile> LoadAll()
    {
        string root = FindRepositoryRoot();
        return Load(System.IO.Path.Combine(root, "schemas"))
            .Concat(Load(System.IO.Path.Combine(root, "tests", "RunComfy.SchemaClient.Generator.Tests", "Fixtures", "catalog")));
    }

    private static IEnumerable<GeneratorSchemaFile> Load(string directory) =>
        Directory.EnumerateFiles(directory, "*.json", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .Select(path => new GeneratorSchemaFile(
                path,
                System.IO.Path.ChangeExtension(System.IO.Path.GetRelativePath(directory, path), null).Replace('\\', '/'),
                File.ReadAllText(path)));

    // BenchmarkDotNet runs each benchmark from a generated project below bin/, so walk up to the solution.
    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "SchemaClient.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SchemaClient.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>An AdditionalFiles item held in memory.</summary>
internal sealed class GeneratorAdditionalText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>The item metadata MSBuild gives schema files (<c>RunComfySchema</c>, <c>RunComfyModelId</c>).</summary>
internal sealed class GeneratorSchemaOptions(IReadOnlyDictionary<string, string> modelIdsByPath) : AnalyzerConfigOptionsProvider
{
    private static readonly AnalyzerConfigOptions Empty = new Options(new Dictionary<string, string>());

    public override AnalyzerConfigOptions GlobalOptions => Empty;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        modelIdsByPath.TryGetValue(textFile.Path, out string? modelId)
            ? new Options(new Dictionary<string, string>
            {
                ["build_metadata.AdditionalFiles.RunComfySchema"] = "true",
                ["build_metadata.AdditionalFiles.RunComfyModelId"] = modelId,
            })
            : Empty;

    private sealed class Options(IReadOnlyDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
