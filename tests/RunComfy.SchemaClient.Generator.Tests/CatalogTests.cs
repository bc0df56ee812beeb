using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;
using RunComfy.Metadata;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>
/// All 121 published schemas in one compilation that references the runtime: every one generates code
/// that compiles without error, and the only warnings are where a schema itself is at fault.
/// </summary>
public sealed class CatalogTests : IClassFixture<CatalogTests.CatalogBuild>
{
    private readonly CatalogBuild _build;

    public CatalogTests(CatalogBuild build) => _build = build;

    [Fact]
    public void Every_schema_generates_a_request_type_and_the_catalog_lists_them_all()
    {
        _build.Result.Sources.Count.ShouldBe(Fixtures.Catalog.Count + 1);
        _build.Result.Sources.Keys.ShouldContain("RunComfy.Generated.GeneratedModelCatalog.g.cs");
        _build.Models.Select(m => m.ModelId).ShouldBe(Fixtures.Catalog.Select(s => s.ModelId!));
    }

    [Fact]
    public void Generated_code_compiles_without_errors_or_warnings() =>
        _build.Result.CompilationDiagnostics.Select(d => d.ToString()).ShouldBeEmpty();

    [Fact]
    public void The_only_generator_diagnostic_is_the_float_type_the_schema_uses()
    {
        Diagnostic diagnostic = _build.Result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RCS0008");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage().ShouldBe("Property 'guidance_scale' has the non-standard type 'float'; it is read as 'number' (double)");
        FileLinePositionSpan span = diagnostic.Location.GetLineSpan();
        span.Path.ShouldEndWith(Path.Combine("blackforestlabs", "flux-2", "flash", "text-to-image.json"));
        (span.StartLinePosition.Line + 1).ShouldBe(16);
    }

    [Fact]
    public void Every_model_parses_validates_and_writes_back_a_minimal_request()
    {
        foreach (ModelInfo model in _build.Models)
        {
            string json = MinimalRequest(model);
            IRunComfyRequest request = model.Parse(json);
            request.ModelId.ShouldBe(model.ModelId);
            request.Validate().Errors.ShouldBeEmpty($"{model.ModelId}: {json}");
            RequestJsonWriter.ToJson(request).ShouldBe(json, model.ModelId);
        }
    }

    [Fact]
    public void Every_model_reports_each_missing_required_parameter_when_parsing()
    {
        foreach (ModelInfo model in _build.Models.Where(m => m.Parameters.Any(p => p.Required)))
        {
            var error = Should.Throw<RequestJsonException>(() => model.Parse("{}"));
            error.Errors.Select(e => e.Path).ShouldBe(model.Parameters.Where(p => p.Required).Select(p => p.Name), model.ModelId);
            error.Errors.ShouldAllBe(e => e.Rule == "required");
        }
    }

    [Fact]
    public void Models_register_in_the_model_catalog_when_the_assembly_loads()
    {
        foreach (ModelInfo model in _build.Models)
        {
            ModelCatalog.TryGet(model.ModelId, out ModelInfo? registered).ShouldBeTrue(model.ModelId);
            registered.ShouldBeSameAs(model);
        }
    }

    /// <summary>The required parameters with the smallest values the schema allows, in schema order.</summary>
    private static string MinimalRequest(ModelInfo model)
    {
        var json = new StringBuilder("{");
        foreach (ModelParameter parameter in model.Parameters.Where(p => p.Required))
        {
            if (json.Length > 1)
            {
                json.Append(',');
            }

            json.Append('"').Append(parameter.Name).Append("\":").Append(SampleValue(parameter));
        }

        return json.Append('}').ToString();
    }

    private static string SampleValue(ModelParameter parameter)
    {
        if (parameter.EnumJson is { Count: > 0 } values)
        {
            return values[0];
        }

        string item = parameter.IsMedia ? "\"https://example.com/media.png\"" : parameter.ItemType switch
        {
            "integer" => "1",
            "number" => "1",
            "boolean" => "true",
            _ => "\"x\"",
        };
        return parameter.Type switch
        {
            "array" => "[" + string.Join(",", Enumerable.Repeat(item, Math.Max(parameter.MinItems ?? 1, 1))) + "]",
            "string" when parameter.IsMedia => item,
            "string" => "\"" + new string('x', Math.Max(parameter.MinLength ?? 1, 1)) + "\"",
            "integer" or "number" => (parameter.Minimum ?? parameter.ExclusiveMinimum + 1 ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
            "boolean" => "true",
            _ => "null",
        };
    }

    /// <summary>Generates, compiles and loads the catalog once for all tests of this class.</summary>
    public sealed class CatalogBuild
    {
        public CatalogBuild()
        {
            Result = GeneratorHarness.Run(Fixtures.Catalog, "RunComfy.CatalogModels");
            using var stream = new MemoryStream();
            var emitted = Result.Compilation.Emit(stream);
            emitted.Success.ShouldBeTrue(string.Join(Environment.NewLine, emitted.Diagnostics));
            Assembly assembly = Assembly.Load(stream.ToArray());
            var models = (IReadOnlyList<ModelInfo>)assembly.GetType("RunComfy.Generated.GeneratedModelCatalog", throwOnError: true)!
                .GetProperty("Models", BindingFlags.Public | BindingFlags.Static)!
                .GetValue(null)!;
            Models = models;
        }

        public GenerationResult Result { get; }

        public IReadOnlyList<ModelInfo> Models { get; }
    }
}
