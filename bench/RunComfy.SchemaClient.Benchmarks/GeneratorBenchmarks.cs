using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunComfy.SchemaClient.Generator;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// The schema generator: a full run over N schemas (the baseline), and a one-file edit on a driver that
/// already ran, at N = 10 and N = 123 (the 121 catalog schemas plus the 2 bundled seeds). The edit
/// should cost about the same at both sizes: only the edited schema is parsed and emitted again.
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private Compilation _compilation = null!;
    private ImmutableArray<AdditionalText> _texts;
    private GeneratorSchemaOptions _options = null!;
    private GeneratorDriver _warmDriver = null!;
    private AdditionalText _editedOriginal = null!;
    private AdditionalText _editedA = null!;
    private AdditionalText _editedB = null!;
    private AdditionalText _current = null!;

    /// <summary>How many schema files the compilation has.</summary>
    [Params(10, 123)]
    public int Files { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        IReadOnlyList<GeneratorSchemaFile> schemas = GeneratorSchemaFile.LoadAll().Take(Files).ToList();
        _texts = [.. schemas.Select(s => (AdditionalText)new GeneratorAdditionalText(s.Path, s.Text))];
        _options = new GeneratorSchemaOptions(schemas.ToDictionary(s => s.Path, s => s.ModelId));
        _compilation = CSharpCompilation.Create("Bench", references: [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)]);

        // The edit: the first schema's descriptions change, alternately to two texts so every run is a real edit.
        _editedOriginal = _texts[0];
        string text = schemas[0].Text;
        _editedA = new GeneratorAdditionalText(schemas[0].Path, text.Replace("\"description\": \"", "\"description\": \"A ", StringComparison.Ordinal));
        _editedB = new GeneratorAdditionalText(schemas[0].Path, text.Replace("\"description\": \"", "\"description\": \"B ", StringComparison.Ordinal));
        _warmDriver = CreateDriver().RunGenerators(_compilation);
        _current = _editedOriginal;
    }

    /// <summary>Every schema parsed and emitted by a new driver.</summary>
    [Benchmark(Baseline = true)]
    public GeneratorDriver FullGeneration() => CreateDriver().RunGenerators(_compilation);

    /// <summary>One schema edited on a driver that already ran: only it is regenerated.</summary>
    [Benchmark]
    public GeneratorDriver EditOneFile()
    {
        AdditionalText next = ReferenceEquals(_current, _editedA) ? _editedB : _editedA;
        _warmDriver = _warmDriver.ReplaceAdditionalText(_current, next).RunGenerators(_compilation);
        _current = next;
        return _warmDriver;
    }

    private GeneratorDriver CreateDriver() =>
        CSharpGeneratorDriver.Create([new SchemaClientGenerator().AsSourceGenerator()], _texts, CSharpParseOptions.Default, _options);
}
