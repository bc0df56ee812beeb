using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>
/// Every bad-schema case: the diagnostic's id, severity, message and line in the JSON file; the
/// generator never throws, and whatever can still be generated compiles.
/// </summary>
public sealed class DiagnosticsTests
{
    private const string ModelId = "acme/widget";
    private const string TypeName = "RunComfy.Models.Acme.WidgetRequest";

    [Fact]
    public void Invalid_json_is_an_error_at_the_broken_line_and_generates_nothing()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "a": { "type": "string" "minLength": 1 }
              }
            }
            """);

        ShouldReport(result, "RCS0001", DiagnosticSeverity.Error, line: 4,
            "The schema is not valid JSON and generates nothing: line 4, column 29: expected ',' or '}' after a property value, found '\"'");
        result.Sources.Keys.ShouldNotContain(TypeName + ".g.cs");
    }

    [Fact]
    public void A_root_that_is_not_an_object_is_an_error()
    {
        GenerationResult result = Generate("[1, 2]");

        ShouldReport(result, "RCS0014", DiagnosticSeverity.Error, line: 1,
            "The schema cannot be read and generates nothing: the root is not a JSON object");
    }

    [Fact]
    public void An_unknown_type_is_a_warning_and_the_property_stays_json()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "a": { "type": "file" }
              }
            }
            """);

        ShouldReport(result, "RCS0002", DiagnosticSeverity.Warning, line: 4,
            "Property 'a' has the unknown type 'file'; it is generated as JsonElement and its value is not checked");
        result.Source(TypeName).ShouldContain("public global::System.Text.Json.JsonElement? A { get; init; }");
    }

    [Fact]
    public void An_unknown_validations_rule_is_a_warning_and_still_emitted_as_data()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "clip": {
                  "type": "string",
                  "format": "video_uri",
                  "validations": [
                    { "validation_rule": "duration_s<", "validation_value": 30, "validation_error": "At most 30 s." }
                  ]
                }
              }
            }
            """);

        ShouldReport(result, "RCS0003", DiagnosticSeverity.Warning, line: 8,
            "Property 'clip' has the validations rule 'duration_s<', which the generator does not know; it is kept as data for the runtime");
        result.Source(TypeName).ShouldContain("new global::RunComfy.MediaRule(\"duration_s<\", 30D, \"At most 30 s.\"),");
    }

    [Fact]
    public void An_empty_property_name_is_a_warning_and_gets_a_safe_member_name()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "": { "type": "string" }
              }
            }
            """);

        ShouldReport(result, "RCS0004", DiagnosticSeverity.Warning, line: 4,
            "Property name '' has no letter or digit; its member is named 'Unnamed'");
        result.Source(TypeName).ShouldContain("public string? Unnamed { get; init; }");
    }

    [Fact]
    public void A_keyword_property_name_is_a_warning_and_gets_a_safe_member_name()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "class": { "type": "string" }
              }
            }
            """);

        ShouldReport(result, "RCS0005", DiagnosticSeverity.Warning, line: 4,
            "Property name 'class' is a C# keyword; its member is named 'Class'");
    }

    [Fact]
    public void Two_properties_that_map_to_one_name_give_a_warning_and_a_suffix()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "image_size": { "type": "string" },
                "image-size": { "type": "string" }
              }
            }
            """);

        ShouldReport(result, "RCS0006", DiagnosticSeverity.Warning, line: 5,
            "Property 'image-size' maps to the member name 'ImageSize', which property 'image_size' already has; it is named 'ImageSize_2' instead");
        string source = result.Source(TypeName);
        source.ShouldContain("public string? ImageSize { get; init; }");
        source.ShouldContain("public string? ImageSize_2 { get; init; }");
    }

    [Theory]
    [InlineData("to_json", "ToJson", "ToJsonValue")]
    [InlineData("model_id", "ModelId", "ModelIdValue")]
    [InlineData("get_type", "GetType", "GetTypeValue")]
    [InlineData("widget_request", "WidgetRequest", "WidgetRequestValue")]
    public void A_property_named_like_a_member_of_the_record_gives_a_warning_and_a_suffix(string property, string clash, string member)
    {
        GenerationResult result = Generate($$"""
            {
              "type": "object",
              "properties": {
                "{{property}}": { "type": "string" }
              }
            }
            """);

        ShouldReport(result, "RCS0006", DiagnosticSeverity.Warning, line: 4,
            $"Property '{property}' maps to the member name '{clash}', which the request type already has; it is named '{member}' instead");
        result.Source(TypeName).ShouldContain($"public string? {member} {{ get; init; }}");
    }

    [Fact]
    public void A_required_name_with_no_property_is_a_warning_and_ignored()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "required": [
                "prompt",
                "negative_prompt"
              ],
              "properties": {
                "prompt": { "type": "string" }
              }
            }
            """);

        ShouldReport(result, "RCS0007", DiagnosticSeverity.Warning, line: 5,
            "'negative_prompt' is listed in required but the schema has no such property; it is ignored");
        result.Source(TypeName).ShouldContain("public required string Prompt { get; init; }");
    }

    [Fact]
    public void The_float_type_is_a_warning_and_reads_as_number()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "scale": {
                  "type": "float",
                  "minimum": 0
                }
              }
            }
            """);

        ShouldReport(result, "RCS0008", DiagnosticSeverity.Warning, line: 5,
            "Property 'scale' has the non-standard type 'float'; it is read as 'number' (double)");
        result.Source(TypeName).ShouldContain("public double? Scale { get; init; }");
    }

    [Theory]
    [InlineData("single", "it needs at least two segments, owner/model")]
    [InlineData("acme//widget", "it has an empty segment")]
    [InlineData("acme/wid get", "segments may hold only ASCII letters, digits, '-', '_' and '.'")]
    [InlineData("acme/---", "the segment '---' has no letter or digit")]
    public void A_bad_model_id_is_an_error_and_generates_nothing(string modelId, string problem)
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel(modelId, """{ "type": "object", "properties": {} }"""));

        ShouldReport(result, "RCS0009", DiagnosticSeverity.Error, line: 1,
            $"'{modelId}' is not a usable model id ({problem}); the schema generates nothing. Place the file at schemas/<owner>/<model>[/<variant>].json, or give its item the ModelId metadata: <RunComfySchema Include=\"path/to/schema.json\" ModelId=\"owner/model\" />.");
        result.Sources.Keys.ShouldBe(["RunComfy.Generated.GeneratedModelCatalog.g.cs"]);
    }

    [Fact]
    public void Without_model_id_metadata_the_file_name_is_the_model_id()
    {
        GenerationResult result = GeneratorHarness.Run(new SchemaInput("/schemas/widget.json", """{ "type": "object" }""", ModelId: null));

        ShouldReport(result, "RCS0009", DiagnosticSeverity.Error, line: 1,
            "'widget' is not a usable model id (it needs at least two segments, owner/model); the schema generates nothing. Place the file at schemas/<owner>/<model>[/<variant>].json, or give its item the ModelId metadata: <RunComfySchema Include=\"path/to/schema.json\" ModelId=\"owner/model\" />.");
    }

    [Fact]
    public void A_duplicate_model_id_is_an_error_on_the_second_schema_and_the_first_still_generates()
    {
        GenerationResult result = GeneratorHarness.Run(
        [
            new SchemaInput("/a/widget.json", """{ "type": "object", "properties": { "a": { "type": "string" } } }""", ModelId),
            new SchemaInput("/b/widget.json", """{ "type": "object", "properties": { "b": { "type": "string" } } }""", ModelId),
        ]);

        Diagnostic diagnostic = ShouldReport(result, "RCS0010", DiagnosticSeverity.Error, line: 1,
            "The model id 'acme/widget' is already generated from '/a/widget.json'; this schema generates nothing");
        diagnostic.Location.GetLineSpan().Path.ShouldBe("/b/widget.json");
        result.Source(TypeName).ShouldContain("public string? A { get; init; }");
    }

    [Fact]
    public void A_duplicate_type_name_is_an_error_on_the_second_schema_and_the_first_still_generates()
    {
        GenerationResult result = GeneratorHarness.Run(
        [
            SchemaInput.ForModel("acme/foo-bar", """{ "type": "object" }"""),
            SchemaInput.ForModel("acme/foo_bar", """{ "type": "object" }"""),
        ]);

        Diagnostic diagnostic = ShouldReport(result, "RCS0011", DiagnosticSeverity.Error, line: 1,
            "Model 'acme/foo_bar' maps to the type 'RunComfy.Models.Acme.FooBarRequest', which model 'acme/foo-bar' already generates; this schema generates nothing");
        diagnostic.Location.GetLineSpan().Path.ShouldBe("/schemas/acme/foo_bar.json");
        result.Sources.Keys.ShouldContain("RunComfy.Models.Acme.FooBarRequest.g.cs");
    }

    [Fact]
    public void Enum_values_that_map_to_one_member_name_give_a_warning_and_a_suffix()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "mode": {
                  "type": "string",
                  "enum": ["a b", "a_b"]
                }
              }
            }
            """);

        ShouldReport(result, "RCS0012", DiagnosticSeverity.Warning, line: 6,
            "Enum value \"a_b\" of property 'mode' maps to the member name 'AB', which another value already has; it is named 'AB_2' instead");
        string source = result.Source(TypeName);
        source.ShouldContain("AB_2 => \"a_b\",");
    }

    [Fact]
    public void An_enum_type_name_that_another_generated_type_has_gives_a_warning_and_a_suffix()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "mode": { "type": "string", "enum": ["x"] },
                "mode_values": { "type": "string", "enum": ["y"] }
              }
            }
            """);

        ShouldReport(result, "RCS0013", DiagnosticSeverity.Warning, line: 5,
            "The enum type 'WidgetModeValues' for property 'mode_values' clashes with another generated type; it is named 'WidgetModeValues_2' instead");
        result.Source(TypeName).ShouldContain("public enum WidgetModeValues_2");
    }

    [Fact]
    public void A_repeated_enum_value_is_a_warning_and_only_the_repeat_is_ignored()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "n": {
                  "type": "integer",
                  "enum": [4, 5,
                    5.0]
                }
              }
            }
            """);

        ShouldReport(result, "RCS0019", DiagnosticSeverity.Warning, line: 7,
            "The enum of property 'n' lists 5.0 more than once; the repeat is ignored");
        string source = result.Source(TypeName);
        source.ShouldContain("public static global::RunComfy.Models.Acme.WidgetN Value4 => new global::RunComfy.Models.Acme.WidgetN(4);");
        source.ShouldContain("public static global::RunComfy.Models.Acme.WidgetN Value5 => new global::RunComfy.Models.Acme.WidgetN(5);");
    }

    [Fact]
    public void A_keyword_of_the_wrong_json_type_is_a_warning_and_ignored()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "a": {
                  "type": "string",
                  "maxLength": "ten"
                }
              }
            }
            """);

        ShouldReport(result, "RCS0016", DiagnosticSeverity.Warning, line: 6,
            "Property 'a': maxLength must be a non-negative integer, not \"ten\"; the keyword is ignored");
        result.Source(TypeName).ShouldNotContain("__v.Length(");
    }

    [Fact]
    public void A_number_too_large_for_the_generator_is_a_warning_and_ignored()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "n": {
                  "type": "integer",
                  "maximum": 100000000000000000000000000000000000
                }
              }
            }
            """);

        ShouldReport(result, "RCS0016", DiagnosticSeverity.Warning, line: 6,
            "Property 'n': maximum 100000000000000000000000000000000000 is out of range for a 64-bit integer; the keyword is ignored");
        result.Source(TypeName).ShouldContain("public long? N { get; init; }");
    }

    [Fact]
    public void A_property_that_is_not_a_schema_object_is_a_warning_and_skipped()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "a": true,
                "b": { "type": "string" }
              }
            }
            """);

        ShouldReport(result, "RCS0017", DiagnosticSeverity.Warning, line: 4, "Property 'a' is not a schema object; it is skipped");
        result.Source(TypeName).ShouldNotContain(" A {");
    }

    [Fact]
    public void Integral_floats_in_integer_keywords_are_read_as_integers_without_a_diagnostic()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "a": { "type": "string", "maxLength": 2.0 },
                "n": { "type": "integer", "minimum": 1.0, "maximum": 8.0 }
              }
            }
            """);

        result.GeneratorDiagnostics.ShouldBeEmpty();
        result.CompilationDiagnostics.ShouldBeEmpty();
        string source = result.Source(TypeName);
        source.ShouldContain("__v.Length(\"a\", A, null, 2);");
        source.ShouldContain("public int? N { get; init; }");
        source.ShouldContain("__v.Maximum(\"n\", N, 8L);");
    }

    [Fact]
    public void A_broken_schema_does_not_stop_the_others()
    {
        GenerationResult result = GeneratorHarness.Run(
        [
            SchemaInput.ForModel("acme/broken", "{ \"type\": "),
            Fixtures.Get("bytedance/seedream-4-0/edit") with { ModelId = "acme/seedream-copy" },
        ]);

        result.GeneratorDiagnostics.Select(d => d.Id).ShouldBe(["RCS0001"]);
        result.Sources.Keys.ShouldContain("RunComfy.Models.Acme.SeedreamCopyRequest.g.cs");
        result.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Files_not_marked_as_schemas_are_ignored()
    {
        GenerationResult result = GeneratorHarness.Run(new SchemaInput("/schemas/acme/widget.json", "not json at all", ModelId, IsSchema: false));

        result.GeneratorDiagnostics.ShouldBeEmpty();
        result.Sources.Keys.ShouldBe(["RunComfy.Generated.GeneratedModelCatalog.g.cs"]);
    }

    private static GenerationResult Generate(string json) => GeneratorHarness.Run(SchemaInput.ForModel(ModelId, json));

    private static Diagnostic ShouldReport(GenerationResult result, string id, DiagnosticSeverity severity, int line, string? message = null)
    {
        Diagnostic diagnostic = result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe(id);
        diagnostic.Severity.ShouldBe(severity);
        if (message is not null)
        {
            diagnostic.GetMessage().ShouldBe(message);
        }

        (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe(line);
        diagnostic.Location.GetLineSpan().Path.ShouldEndWith(".json");
        result.CompilationDiagnostics.Select(d => d.ToString()).ShouldBeEmpty();
        return diagnostic;
    }
}
