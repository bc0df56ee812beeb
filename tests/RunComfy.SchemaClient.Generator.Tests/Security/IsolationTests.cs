using System.Reflection;
using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Emitting;
using RunComfy.SchemaClient.Generator.Parsing;
using RunComfy.SchemaClient.Generator.Specs;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests.Security;

/// <summary>
/// A broken schema breaks only itself: type names that differ only by case, a schema over the size limit,
/// a value the emitter cannot write, and a corpus of hostile and broken schemas beside the two seeds.
/// </summary>
public sealed class IsolationTests
{
    private const string Simple = """{ "type": "object", "properties": { "prompt": { "type": "string" } } }""";

    [Fact]
    public void Type_names_that_differ_only_by_case_get_a_suffix_and_a_warning()
    {
        GenerationResult result = GeneratorHarness.Run(CaseClashes());

        result.Run.Results.ShouldHaveSingleItem().Exception.ShouldBeNull();
        result.GeneratorDiagnostics.Select(d => (d.Id, d.Severity, d.GetMessage())).Order().ShouldBe(
        [
            ("RCS0020", DiagnosticSeverity.Warning, "Model 'acme/foobar' maps to the type 'RunComfy.Models.Acme.FoobarRequest', which differs only by case from 'RunComfy.Models.Acme.FooBarRequest' (model 'acme/foo_bar'); generated files must differ without case, so it is named 'RunComfy.Models.Acme.FoobarRequest_2'"),
            ("RCS0020", DiagnosticSeverity.Warning, "Model 'openai/gpt-image' maps to the type 'RunComfy.Models.Openai.GptImageRequest', which differs only by case from 'RunComfy.Models.OpenAI.GptImageRequest' (model 'OpenAI/gpt-image'); generated files must differ without case, so it is named 'RunComfy.Models.Openai.GptImageRequest_2'"),
        ]);
        result.GeneratorDiagnostics.Select(d => Path.GetFileName(d.Location.GetLineSpan().Path)).Order().ShouldBe(["foobar.json", "gpt-image.json"]);
        result.Sources.Keys.Order(StringComparer.Ordinal).ShouldBe(
        [
            "RunComfy.Generated.GeneratedModelCatalog.g.cs",
            "RunComfy.Models.Acme.FooBarRequest.g.cs",
            "RunComfy.Models.Acme.FoobarRequest_2.g.cs",
            "RunComfy.Models.OpenAI.GptImageRequest.g.cs",
            "RunComfy.Models.Openai.GptImageRequest_2.g.cs",
        ]);
        result.Sources.Keys.Distinct(StringComparer.OrdinalIgnoreCase).Count().ShouldBe(result.Sources.Count);
        result.CompilationDiagnostics.ShouldBeEmpty();
        LoadModels(result).Select(m => (m.ModelId, m.RequestType.FullName)).ShouldBe(
        [
            ("OpenAI/gpt-image", "RunComfy.Models.OpenAI.GptImageRequest"),
            ("acme/foo_bar", "RunComfy.Models.Acme.FooBarRequest"),
            ("acme/foobar", "RunComfy.Models.Acme.FoobarRequest_2"),
            ("openai/gpt-image", "RunComfy.Models.Openai.GptImageRequest_2"),
        ]);
    }

    [Fact]
    public void Generated_names_that_match_generated_members_or_the_catalog_compile_beside_the_seeds()
    {
        // Enums named like a member of their Values class (IsDefined, TryParse, ToJsonValue), and an owner
        // named like the catalog class: each once bound to the wrong symbol and broke the whole assembly.
        GenerationResult result = GeneratorHarness.Run(
        [
            SchemaInput.ForModel("acme/is", """{ "type": "object", "properties": { "defined": { "type": "string", "enum": ["a"] } } }"""),
            SchemaInput.ForModel("acme/try", """{ "type": "object", "properties": { "parse": { "type": "integer", "enum": [1, 2] } } }"""),
            SchemaInput.ForModel("acme/to-json", """{ "type": "object", "properties": { "value": { "type": "string", "enum": ["x"] } } }"""),
            SchemaInput.ForModel("generated-model-catalog/x", """{ "type": "object", "properties": { "prompt": { "type": "string" } } }"""),
            .. Fixtures.Seeds,
        ]);

        result.Run.Results.ShouldHaveSingleItem().Exception.ShouldBeNull();
        result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ShouldBeEmpty();
        CompilerWarnings(result).ShouldBeEmpty();

        // Not loaded: the seeds' module initialiser would replace the bundled models in this process's catalog.
        result.Sources.Keys.Order(StringComparer.Ordinal).ShouldBe(
        [
            "RunComfy.Generated.GeneratedModelCatalog.g.cs",
            "RunComfy.Models.Acme.IsRequest.g.cs",
            "RunComfy.Models.Acme.ToJsonRequest.g.cs",
            "RunComfy.Models.Acme.TryRequest.g.cs",
            "RunComfy.Models.Bytedance.Seedream40EditRequest.g.cs",
            "RunComfy.Models.Bytedance.Seedream40EditSequentialRequest.g.cs",
            "RunComfy.Models.GeneratedModelCatalog.XRequest.g.cs",
        ]);
    }

    [Fact]
    public void The_case_clash_suffix_does_not_depend_on_the_order_of_the_files()
    {
        var forward = GeneratorHarness.Run(CaseClashes()).Sources;
        var backward = GeneratorHarness.Run(CaseClashes().Reverse()).Sources;

        backward.Keys.Order(StringComparer.Ordinal).ShouldBe(forward.Keys.Order(StringComparer.Ordinal));
        foreach ((string hintName, string source) in forward)
        {
            backward[hintName].ShouldBe(source, hintName);
        }
    }

    [Fact]
    public void A_schema_over_the_size_limit_generates_nothing_and_the_others_still_generate()
    {
        string huge = """{ "type": "object", "description": """ + JsonText.Quote(new string('a', 3 * 1024 * 1024)) + """, "properties": { "a": { "type": "string" } } }""";
        GenerationResult result = GeneratorHarness.Run([SchemaInput.ForModel("acme/huge", huge), .. Fixtures.Seeds]);

        Diagnostic diagnostic = result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RCS0021");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage().ShouldBe($"The schema is {huge.Length:N0} characters long, over the limit of 262,144; it generates nothing");
        diagnostic.Location.GetLineSpan().Path.ShouldBe("/schemas/acme/huge.json");
        result.Sources.Keys.ShouldNotContain("RunComfy.Models.Acme.HugeRequest.g.cs");
        result.Sources.Count.ShouldBe(3);
        CompilerWarnings(result).ShouldBeEmpty();
    }

    [Fact]
    public void A_schema_just_under_the_size_limit_generates_with_its_doc_text_cut_and_emits()
    {
        string description = new('d', SchemaSizeLimit.MaxCharacters - 200);
        string text = """{ "type": "object", "properties": { "a": { "type": "string", "description": """ + JsonText.Quote(description) + """ } } }""";
        text.Length.ShouldBeLessThanOrEqualTo(SchemaSizeLimit.MaxCharacters);
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/large", text));

        result.GeneratorDiagnostics.ShouldBeEmpty();
        string source = result.Source("RunComfy.Models.Acme.LargeRequest");
        source.ShouldContain("/// " + new string('d', DocText.MaxLength) + "\u2026\n");
        LoadModels(result).ShouldHaveSingleItem().Parameters.ShouldHaveSingleItem().Description.ShouldBe(description);
    }

    [Fact]
    public void A_name_too_long_for_metadata_leaves_out_that_model_alone_with_an_error()
    {
        string text = """{ "type": "object", "properties": { """ + JsonText.Quote(new string('n', 600)) + """: { "type": "string" } } }""";
        GenerationResult result = GeneratorHarness.Run([SchemaInput.ForModel("acme/long-name", text), .. Fixtures.Seeds]);

        Diagnostic diagnostic = result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RCS0022");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        diagnostic.GetMessage().ShouldStartWith("The schema cannot be generated: the name \"N" + new string('n', 59) + "\u2026\" is not a safe C# identifier (letters, digits and '_', at most 512 UTF-8 bytes, no keyword)");
        diagnostic.Location.GetLineSpan().Path.ShouldBe("/schemas/acme/long-name.json");
        result.Sources.Count.ShouldBe(3);
        CompilerWarnings(result).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("Infinity")]
    [InlineData("NaN")]
    [InlineData("1e400")]
    public void The_emitter_refuses_to_write_a_non_finite_number(string number)
    {
        ModelSpec seed = SeedSpec("bytedance/seedream-4-0/edit");
        PropertySpec images = seed.Properties.First(p => p.MediaRules.Count > 0);
        PropertySpec broken = images with { MediaRules = images.MediaRules.Select(r => r with { Value = number }).ToEquatableArray() };
        ModelSpec spec = seed with { Properties = seed.Properties.Select(p => p == images ? broken : p).ToEquatableArray() };

        Should.Throw<UnwritableValueException>(() => ModelEmitter.Emit(spec)).Message.ShouldContain("is not a finite double");
    }

    [Fact]
    public void A_corpus_of_hostile_and_broken_schemas_leaves_the_seeds_generating_and_compiling()
    {
        SchemaInput[] corpus = [.. BrokenCorpus(), .. CaseClashes(), SchemaInput.ForModel(HostileSchema.ModelId, HostileSchema.Text)];
        GenerationResult alone = GeneratorHarness.Run(Fixtures.Seeds);
        GenerationResult result = GeneratorHarness.Run([.. corpus, .. Fixtures.Seeds]);

        result.Run.Results.ShouldHaveSingleItem().Exception.ShouldBeNull();
        result.Run.Diagnostics.Select(d => d.Id).ShouldNotContain("CS8785");
        result.Run.Diagnostics.Select(d => d.Id).ShouldNotContain("AD0001");
        result.GeneratorDiagnostics.Select(d => d.Id).ShouldNotContain("RCS0015");
        foreach (string seed in new[] { "RunComfy.Models.Bytedance.Seedream40EditRequest", "RunComfy.Models.Bytedance.Seedream40EditSequentialRequest" })
        {
            result.Source(seed).ShouldBe(alone.Source(seed));
        }

        CompilerWarnings(result).ShouldBeEmpty();
        using var stream = new MemoryStream();
        result.Compilation.Emit(stream).Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning && d.Id != BundledTypeOverridden).Select(d => d.ToString()).ShouldBeEmpty();

        // Each schema of the corpus either generated its type or has an error pointing into its own file.
        string[] errorFiles = [.. result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Location.GetLineSpan().Path)];
        string generated = string.Concat(result.Sources.Values);
        foreach (SchemaInput schema in corpus)
        {
            bool hasType = generated.Contains("private const string __ModelId = \"" + schema.ModelId + "\";", StringComparison.Ordinal);
            (hasType || errorFiles.Contains(schema.Path)).ShouldBeTrue(schema.ModelId);
        }

        result.GeneratorDiagnostics.Select(d => d.Id).ShouldContain("RCS0020");
        result.GeneratorDiagnostics.Select(d => d.Id).ShouldContain("RCS0021");
        result.GeneratorDiagnostics.Select(d => d.Id).ShouldContain("RCS0022");
    }

    /// <summary>
    /// The seeds are bundled in the runtime this compilation references, so generating them again reports
    /// CS0436 (type conflicts with imported type); the package's build logic silences exactly that
    /// (runtime/build/RunComfy.SchemaClient.targets), so it is left out here too.
    /// </summary>
    private const string BundledTypeOverridden = "CS0436";

    private static string[] CompilerWarnings(GenerationResult result) =>
        [.. result.CompilationDiagnostics.Where(d => d.Id != BundledTypeOverridden).Select(d => d.ToString())];

    private static IEnumerable<SchemaInput> CaseClashes() =>
    [
        SchemaInput.ForModel("acme/foo_bar", Simple),
        SchemaInput.ForModel("acme/foobar", Simple),
        SchemaInput.ForModel("openai/gpt-image", Simple),
        SchemaInput.ForModel("OpenAI/gpt-image", Simple),
    ];

    /// <summary>Schemas a careless or hostile author could hand over; none may break the others.</summary>
    private static IEnumerable<SchemaInput> BrokenCorpus() =>
    [
        SchemaInput.ForModel("broken/invalid-json", """{ "type": "object", "properties": { "a": """),
        SchemaInput.ForModel("broken/empty", string.Empty),
        SchemaInput.ForModel("broken/root-array", "[1, 2]"),
        SchemaInput.ForModel("broken/trailing-comma", """{ "type": "object", "properties": { "a": { "type": "string" }, } }"""),
        SchemaInput.ForModel("broken/comment", "{ \"type\": \"object\", // a comment\n \"properties\": { \"a\": { \"type\": \"string\" } } }"),
        SchemaInput.ForModel("broken/huge", """{ "type": "object", "description": """ + JsonText.Quote(new string('h', 2 * 1024 * 1024)) + """, "properties": { } }"""),
        SchemaInput.ForModel("broken/long-name", """{ "type": "object", "properties": { """ + JsonText.Quote(new string('n', 4000)) + """: { "type": "string" } } }"""),
        SchemaInput.ForModel("broken/internal-refs", """
            {
              "type": "object",
              "definitions": { "text": { "type": "string", "maxLength": 3 } },
              "allOf": [ { "$ref": "#/definitions/text" } ],
              "properties": {
                "a": { "$ref": "#/definitions/text" },
                "b": { "type": "array", "items": { "$ref": "#/definitions/text" } },
                "c": { "type": "string" }
              }
            }
            """),
        SchemaInput.ForModel("broken/validation-value-1e400", """
            { "type": "object", "properties": { "m": { "type": "string", "format": "image_uri",
              "validations": [ { "validation_rule": "file_size_mb<", "validation_value": 1e400 } ] } } }
            """),
        SchemaInput.ForModel("broken/validation-value-nan", """
            { "type": "object", "properties": { "m": { "type": "string", "format": "image_uri",
              "validations": [ { "validation_rule": "file_size_mb<", "validation_value": "NaN" } ] } } }
            """),
        SchemaInput.ForModel("broken/number-enum-1e400", """{ "type": "object", "properties": { "x": { "type": "number", "enum": [1, 1e400] } } }"""),
        SchemaInput.ForModel("broken/number-const-1e400", """{ "type": "object", "properties": { "x": { "type": "number", "const": 1e400 } } }"""),
        SchemaInput.ForModel("broken/integer-const-overflow", """{ "type": "object", "properties": { "x": { "type": "integer", "const": 99999999999999999999 } } }"""),
        SchemaInput.ForModel("broken/integer-enum-overflow", """{ "type": "object", "properties": { "x": { "type": "integer", "enum": [1, 99999999999999999999] } } }"""),
        SchemaInput.ForModel("broken/nan-text-limits", """{ "type": "object", "properties": { "x": { "type": "number", "minimum": "NaN", "maximum": "Infinity" } } }"""),
        SchemaInput.ForModel("broken/items-1e400", """{ "type": "object", "properties": { "x": { "type": "array", "items": { "type": "number", "maximum": 1e400, "enum": [1e400] } } } }"""),
        SchemaInput.ForModel("broken/duplicate", Simple),
        SchemaInput.ForModel("broken/duplicate", Simple) with { Path = "/schemas/elsewhere/duplicate.json" },
    ];

    private static ModelSpec SeedSpec(string modelId)
    {
        SchemaInput seed = Fixtures.Get(modelId);
        return SchemaParser.Parse(new SchemaFile(seed.Path, modelId, seed.Text), default).Model!;
    }

    private static IReadOnlyList<ModelInfo> LoadModels(GenerationResult result)
    {
        using var stream = new MemoryStream();
        var emitted = result.Compilation.Emit(stream);
        emitted.Success.ShouldBeTrue(string.Join(Environment.NewLine, emitted.Diagnostics));
        Type catalog = Assembly.Load(stream.ToArray()).GetType("RunComfy.Generated.GeneratedModelCatalog", throwOnError: true)!;
        return (IReadOnlyList<ModelInfo>)catalog.GetProperty("Models", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
    }
}
