using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>
/// No keyword is skipped silently: a valid keyword the generated code does not check because it does not
/// fit the property gets RCS0026 at its line; <c>type: "null"</c> gets RCS0027; a keyword at the root that
/// would constrain the whole request gets RCS0028.
/// </summary>
public sealed class KeywordApplicabilityTests
{
    private const string TypeName = "RunComfy.Models.Acme.WidgetRequest";

    [Theory]
    [InlineData("\"minLength\": 1", "minLength", "a property with no type (generated as JsonElement)")]
    [InlineData("\"pattern\": \"^a\"", "pattern", "a property with no type (generated as JsonElement)")]
    [InlineData("\"minimum\": 1", "minimum", "a property with no type (generated as JsonElement)")]
    [InlineData("\"maxItems\": 3", "maxItems", "a property with no type (generated as JsonElement)")]
    [InlineData("\"type\": \"integer\", \"minLength\": 1", "minLength", "an integer property")]
    [InlineData("\"type\": \"number\", \"pattern\": \"^1\"", "pattern", "a number property")]
    [InlineData("\"type\": \"string\", \"minimum\": 1", "minimum", "a string property")]
    [InlineData("\"type\": \"string\", \"exclusiveMaximum\": 1", "exclusiveMaximum", "a string property")]
    [InlineData("\"type\": \"string\", \"minItems\": 1", "minItems", "a string property")]
    [InlineData("\"type\": \"boolean\", \"maxLength\": 1", "maxLength", "a boolean property")]
    [InlineData("\"type\": \"array\", \"maxLength\": 1", "maxLength", "an array property (only minItems, maxItems and the keywords inside items apply)")]
    [InlineData("\"type\": \"object\", \"maximum\": 1", "maximum", "an object property (generated as JsonElement)")]
    [InlineData("\"type\": [\"string\", \"integer\"], \"minLength\": 1", "minLength", "a property without one supported type (generated as JsonElement)")]
    [InlineData("\"type\": \"string\", \"enum\": [\"a\", \"bb\"], \"maxLength\": 1", "maxLength", "an enum property (only its listed values are checked)")]
    public void A_keyword_that_does_not_apply_to_the_type_is_a_warning(string keywords, string keyword, string shape)
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "p": { KEYWORDS }
              }
            }
            """.Replace("KEYWORDS", keywords, StringComparison.Ordinal));

        Diagnostic diagnostic = result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RCS0026");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage().ShouldBe("Property 'p': '" + keyword + "' does not apply to " + shape + "; values are not checked against it");
        (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe(4);
        result.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Keywords_that_apply_give_no_warning()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "s": { "type": "string", "minLength": 1, "maxLength": 9, "pattern": "^a" },
                "m": { "type": "string", "format": "image_uri", "maxLength": 2000 },
                "i": { "type": "integer", "minimum": 1, "maximum": 9, "exclusiveMinimum": 0 },
                "n": { "type": "number", "exclusiveMinimum": true, "minimum": 0 },
                "a": { "type": "array", "minItems": 1, "maxItems": 3, "items": { "type": "string", "maxLength": 4 } }
              }
            }
            """);

        result.GeneratorDiagnostics.ShouldBeEmpty();
        result.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\"null\"")]
    [InlineData("[\"null\"]")]
    public void The_null_type_is_a_warning_and_the_property_stays_json(string type)
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "nothing": { "type": TYPE }
              }
            }
            """.Replace("TYPE", type, StringComparison.Ordinal));

        Diagnostic diagnostic = result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RCS0027");
        diagnostic.GetMessage().ShouldBe("Property 'nothing' has the type 'null'; it is generated as JsonElement and its value is not checked");
        (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe(4);
        result.Source(TypeName).ShouldContain("public global::System.Text.Json.JsonElement? Nothing { get; init; }");
        result.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_nullable_type_is_the_type_without_a_warning()
    {
        GenerationResult result = Generate("""
            { "type": "object", "properties": { "s": { "type": ["string", "null"], "maxLength": 3 } } }
            """);

        result.GeneratorDiagnostics.ShouldBeEmpty();
        result.Source(TypeName).ShouldContain("public string? S { get; init; }");
    }

    [Fact]
    public void Unsupported_root_keywords_each_get_a_warning_at_their_line()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "additionalProperties": false,
              "minProperties": 1,
              "anyOf": [{ "required": ["a"] }, { "required": ["b"] }],
              "dependentRequired": { "a": ["b"] },
              "properties": { "a": { "type": "string" }, "b": { "type": "string" } },
              "patternProperties": { "^x": { "type": "string" } }
            }
            """);

        result.GeneratorDiagnostics.Select(d => (d.Id, d.GetMessage(), d.Location.GetLineSpan().StartLinePosition.Line + 1)).ShouldBe(
        [
            ("RCS0028", "The schema root uses the keyword 'minProperties', which the generator does not support; requests are not checked against it", 4),
            ("RCS0028", "The schema root uses the keyword 'anyOf', which the generator does not support; requests are not checked against it", 5),
            ("RCS0028", "The schema root uses the keyword 'dependentRequired', which the generator does not support; requests are not checked against it", 6),
            ("RCS0028", "The schema root uses the keyword 'patternProperties', which the generator does not support; requests are not checked against it", 8),
        ]);
        result.Source(TypeName).ShouldContain("public string? A { get; init; }");
        result.CompilationDiagnostics.ShouldBeEmpty();
    }

    private static GenerationResult Generate(string json) => GeneratorHarness.Run(SchemaInput.ForModel("acme/widget", json));
}
