using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>
/// Odd numbers break only their keyword: a number that is not finite (<c>1e400</c>, <c>NaN</c>) or does not
/// fit the C# type (an integer beyond 64 bits) gets RCS0016 at its place, the keyword is dropped, and the
/// rest of the model generates and compiles. An integral float is an integer, as JSON Schema says.
/// </summary>
public sealed class NumberKeywordTests
{
    private const string TypeName = "RunComfy.Models.Acme.WidgetRequest";

    [Theory]
    [InlineData("1e400", "validation_value a number beyond ±1.8E+308 (read as infinity) is out of range for a double")]
    [InlineData("-1e400", "validation_value a number beyond ±1.8E+308 (read as -infinity) is out of range for a double")]
    [InlineData("NaN", "validation_value NaN is not a number JSON allows")]
    [InlineData("Infinity", "validation_value a number beyond ±1.8E+308 (read as infinity) is out of range for a double")]
    public void A_validation_value_that_is_not_finite_drops_that_rule_only(string value, string problem)
    {
        GenerationResult result = Generate($$"""
            {
              "type": "object",
              "properties": {
                "image": {
                  "type": "string",
                  "format": "image_uri",
                  "validations": [
                    { "validation_rule": "file_size_mb<", "validation_value": {{value}} },
                    { "validation_rule": "width_pixels>=", "validation_value": 64 }
                  ]
                },
                "prompt": { "type": "string" }
              }
            }
            """);

        ShouldReportOnly(result, 8, "Property 'image': " + problem + "; the keyword is ignored");
        string source = result.Source(TypeName);
        source.ShouldNotContain("MediaRule(\"file_size_mb<\"");
        source.ShouldContain("new global::RunComfy.MediaRule(\"width_pixels>=\", 64D, null),");
        source.ShouldContain("Prompt { get; init; }");
    }

    [Theory]
    [InlineData("1e400", "enum value a number beyond ±1.8E+308 (read as infinity) is out of range for a double")]
    [InlineData("NaN", "enum value NaN is not a number JSON allows")]
    public void A_number_enum_value_that_is_not_finite_drops_the_enum(string value, string problem)
    {
        GenerationResult result = Generate($$"""
            {
              "type": "object",
              "properties": {
                "scale": { "type": "number", "enum": [0.5, {{value}}], "minimum": 0 }
              }
            }
            """);

        ShouldReportOnly(result, 4, "Property 'scale': " + problem + "; the keyword is ignored");
        string source = result.Source(TypeName);
        source.ShouldNotContain("OneOf(");
        source.ShouldContain("__v.Minimum(\"scale\", Scale, 0D);");
    }

    [Theory]
    [InlineData("number", "1e400", "const a number beyond ±1.8E+308 (read as infinity) is out of range for a double")]
    [InlineData("number", "NaN", "const NaN is not a number JSON allows")]
    [InlineData("integer", "99999999999999999999", "const 99999999999999999999 is out of range for a 64-bit integer")]
    [InlineData("integer", "1e30", "const 1E+30 is out of range for a 64-bit integer")]
    [InlineData("integer", "2.5", "const 2.5 is not an integer")]
    public void A_const_that_does_not_fit_is_dropped(string type, string value, string problem)
    {
        GenerationResult result = Generate($$"""
            {
              "type": "object",
              "properties": {
                "n": { "type": "{{type}}", "const": {{value}} },
                "prompt": { "type": "string" }
              }
            }
            """);

        ShouldReportOnly(result, 4, "Property 'n': " + problem + "; the keyword is ignored");
        result.Source(TypeName).ShouldNotContain("Const(");
    }

    [Theory]
    [InlineData("-2.0", "-2L")]
    [InlineData("2.0", "2L")]
    [InlineData("2", "2L")]
    [InlineData("9007199254740992.0", "9007199254740992L")]
    public void An_integral_float_const_on_an_integer_is_that_integer(string value, string literal)
    {
        GenerationResult result = Generate($$"""
            {
              "type": "object",
              "properties": { "n": { "type": "integer", "const": {{value}} } }
            }
            """);

        result.GeneratorDiagnostics.ShouldBeEmpty();
        result.CompilationDiagnostics.ShouldBeEmpty();
        result.Source(TypeName).ShouldContain("__v.Const(\"n\", N, " + literal + ");");
    }

    [Fact]
    public void A_huge_integer_const_on_a_number_is_a_finite_double()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": { "x": { "type": "number", "const": 99999999999999999999 } }
            }
            """);

        result.GeneratorDiagnostics.ShouldBeEmpty();
        result.CompilationDiagnostics.ShouldBeEmpty();
        result.Source(TypeName).ShouldContain("__v.Const(\"x\", X, 1E+20D);");
    }

    [Fact]
    public void Integral_floats_and_huge_values_in_integer_enums()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "steps": { "type": "integer", "enum": [4.0, 8, -2.0] },
                "seed": { "type": "integer", "enum": [1, 99999999999999999999] }
              }
            }
            """);

        ShouldReportOnly(result, 5, "Property 'seed': enum value 99999999999999999999 is out of range for a 64-bit integer; the keyword is ignored");
        string source = result.Source(TypeName);
        source.ShouldContain("public static global::RunComfy.Models.Acme.WidgetSteps Value4 => new global::RunComfy.Models.Acme.WidgetSteps(4);");
        source.ShouldContain("ValueMinus2 => new global::RunComfy.Models.Acme.WidgetSteps(-2);");
        source.ShouldContain("public long? Seed { get; init; }");
    }

    [Theory]
    [InlineData("integer", "1e400", "items.enum value a number beyond ±1.8E+308 (read as infinity) is out of range for a double")]
    [InlineData("integer", "99999999999999999999", "items.enum value 99999999999999999999 is out of range for a 64-bit integer")]
    [InlineData("number", "NaN", "items.enum value NaN is not a number JSON allows")]
    [InlineData("number", "-1e400", "items.enum value a number beyond ±1.8E+308 (read as -infinity) is out of range for a double")]
    public void An_item_enum_value_that_does_not_fit_drops_the_item_enum(string itemType, string value, string problem)
    {
        GenerationResult result = Generate($$"""
            {
              "type": "object",
              "properties": {
                "xs": { "type": "array", "items": { "type": "{{itemType}}", "enum": [1, {{value}}], "minimum": 0 } }
              }
            }
            """);

        ShouldReportOnly(result, 4, "Property 'xs': " + problem + "; the keyword is ignored");
        string source = result.Source(TypeName);
        source.ShouldNotContain("OneOf(");
        source.ShouldContain("__c.Minimum(__p, __x, 0");
    }

    [Theory]
    [InlineData("minimum", "1e400", "minimum (beyond ±1.8E+308) is out of range for a double")]
    [InlineData("maximum", "NaN", "maximum NaN is not a number JSON allows")]
    [InlineData("exclusiveMaximum", "-Infinity", "exclusiveMaximum (beyond ±1.8E+308) is out of range for a double")]
    public void A_bound_that_is_not_finite_drops_that_bound(string keyword, string value, string problem)
    {
        GenerationResult result = Generate($$"""
            {
              "type": "object",
              "properties": {
                "x": { "type": "number", "{{keyword}}": {{value}} }
              }
            }
            """);

        ShouldReportOnly(result, 4, "Property 'x': " + problem + "; the keyword is ignored");
        result.Source(TypeName).ShouldNotContain("__v." + char.ToUpperInvariant(keyword[0]) + keyword[1..] + "(");
    }

    [Fact]
    public void An_item_bound_that_is_not_finite_drops_that_bound_only()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "xs": { "type": "array", "items": { "type": "number", "minimum": 1e400, "maximum": 5 } }
              }
            }
            """);

        ShouldReportOnly(result, 4, "Property 'xs': items.minimum (beyond ±1.8E+308) is out of range for a double; the keyword is ignored");
        string source = result.Source(TypeName);
        source.ShouldContain("__c.Maximum(__p, __x, 5D)");
        source.ShouldNotContain("__c.Minimum(");
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("NaN")]
    [InlineData("[1, -Infinity]")]
    [InlineData("{ \"a\": { \"b\": 1e999 } }")]
    public void A_default_holding_a_number_that_is_not_finite_is_dropped(string value)
    {
        GenerationResult result = Generate($$"""
            {
              "type": "object",
              "properties": {
                "x": { "default": {{value}} }
              }
            }
            """);

        ShouldReportOnly(result, 4, "Property 'x': default holds a number that is not finite (NaN, Infinity or beyond ±1.8E+308); the keyword is ignored");
        result.Source(TypeName).ShouldNotContain("DefaultJson");
    }

    private static GenerationResult Generate(string json) => GeneratorHarness.Run(SchemaInput.ForModel("acme/widget", json));

    private static void ShouldReportOnly(GenerationResult result, int line, string message)
    {
        Diagnostic diagnostic = result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RCS0016");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Warning);
        diagnostic.GetMessage().ShouldBe(message);
        (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe(line);
        result.CompilationDiagnostics.ShouldBeEmpty();
    }
}
