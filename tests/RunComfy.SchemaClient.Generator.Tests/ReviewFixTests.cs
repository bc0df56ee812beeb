using System.Reflection;
using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;
using RunComfy.Metadata;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>
/// Numbers beyond decimal, keywords inside <c>items</c>, unsupported keywords, ECMA 262 patterns and
/// strict JSON reading: each generated from a small schema, compiled, loaded and run.
/// </summary>
public sealed class ReviewFixTests
{
    [Fact]
    public void A_huge_valid_number_is_not_invalid_json_and_a_number_maximum_beyond_decimal_is_kept()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "x": { "type": "number", "maximum": 1e+300 },
                "y": { "type": "number", "minimum": 0, "maximum": 100000000000000000000000000000000000000000 },
                "n": { "type": "integer", "minimum": 1, "maximum": 1e+300 }
              }
            }
            """);

        Diagnostic diagnostic = result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RCS0016");
        diagnostic.GetMessage().ShouldBe("Property 'n': maximum 1E+300 is out of range for a 64-bit integer; the keyword is ignored");
        (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe(6);
        result.CompilationDiagnostics.ShouldBeEmpty();
        string source = result.Source("RunComfy.Models.Acme.WidgetRequest");
        result.CompilationDiagnostics.ShouldBeEmpty();
        source.ShouldContain("__v.Maximum(\"x\", X, 1E+300D);");
        source.ShouldContain("__v.Maximum(\"y\", Y, 1E+41D);");
        source.ShouldContain("__v.Minimum(\"n\", N, 1L);");
    }

    [Fact]
    public void A_number_beyond_double_is_reported_on_that_keyword_only()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "x": { "type": "number", "minimum": 2, "maximum": 1e400 }
              }
            }
            """);

        // On .NET Core 1e400 reads as infinity: a keyword problem, not invalid JSON.
        Diagnostic diagnostic = result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RCS0016");
        diagnostic.GetMessage().ShouldBe("Property 'x': maximum (beyond ±1.8E+308) is out of range for a double; the keyword is ignored");
        string source = result.Source("RunComfy.Models.Acme.WidgetRequest");
        source.ShouldContain("__v.Minimum(\"x\", X, 2D);");
        source.ShouldNotContain("__v.Maximum(");
    }

    [Fact]
    public void Keywords_inside_items_are_checked_on_every_item_in_index_order()
    {
        Type type = Compile("""
            {
              "type": "object",
              "properties": {
                "tags": { "type": "array", "items": { "type": "string", "enum": ["red", "green", "blue"] } },
                "codes": { "type": "array", "items": { "type": "string", "minLength": 2, "maxLength": 3, "pattern": "^[a-z]+$" } },
                "levels": { "type": "array", "items": { "type": "integer", "minimum": 1, "maximum": 5, "enum": [1, 2, 5] } },
                "weights": { "type": "array", "items": { "type": "number", "exclusiveMinimum": 0, "maximum": 1 } }
              }
            }
            """);

        IRunComfyRequest valid = Parse(type, """{"tags":["red","blue"],"codes":["ab","xyz"],"levels":[1,5],"weights":[0.5,1]}""");
        valid.Validate().IsValid.ShouldBeTrue();

        IRunComfyRequest invalid = Parse(type, """{"tags":["red","pink","Blue"],"codes":["a","abcd","AB"],"levels":[0,3,6],"weights":[0,1.5]}""");
        invalid.Validate().Errors.Select(e => (e.Path, e.Rule)).ShouldBe(
        [
            ("tags[1]", "enum"),
            ("tags[2]", "enum"),
            ("codes[0]", "minLength"),
            ("codes[1]", "maxLength"),
            ("codes[2]", "pattern"),
            ("levels[0]", "minimum"),
            ("levels[0]", "enum"),
            ("levels[1]", "enum"),
            ("levels[2]", "maximum"),
            ("levels[2]", "enum"),
            ("weights[0]", "exclusiveMinimum"),
            ("weights[1]", "maximum"),
        ]);
        invalid.Validate().Errors[0].Message.ShouldBe("must be one of \"red\", \"green\", \"blue\"; it is \"pink\".");
    }

    [Fact]
    public void Standard_keywords_the_generator_does_not_check_each_give_a_warning_with_location()
    {
        GenerationResult result = Generate("""
            {
              "type": "object",
              "properties": {
                "n": { "type": "number", "multipleOf": 0.5 },
                "tags": { "type": "array", "uniqueItems": true, "items": { "type": "string" } },
                "choice": { "oneOf": [{ "type": "string" }, { "type": "integer" }] },
                "link": { "$ref": "#/definitions/x" },
                "box": { "type": "object", "properties": { "w": { "type": "integer" } } },
                "masks": {
                  "type": "array",
                  "items": {
                    "type": "string",
                    "format": "image_uri",
                    "validations": [{ "validation_rule": "file_size_mb<", "validation_value": 5 }]
                  }
                }
              }
            }
            """);

        result.GeneratorDiagnostics.Select(d => (d.Id, d.GetMessage(), d.Location.GetLineSpan().StartLinePosition.Line + 1)).ShouldBe(
        [
            ("RCS0018", "Property 'n' uses the keyword 'multipleOf', which the generator does not support; values are not checked against it", 4),
            ("RCS0018", "Property 'tags' uses the keyword 'uniqueItems', which the generator does not support; values are not checked against it", 5),
            ("RCS0018", "Property 'choice' uses the keyword 'oneOf', which the generator does not support; values are not checked against it", 6),
            ("RCS0025", "The '$ref' at 'properties.link' names '#/definitions/x'; the generator never follows references (a schema is read offline, with no file or network access), so it is ignored", 7),
            ("RCS0018", "Property 'box' uses the keyword 'properties', which the generator does not support; values are not checked against it", 8),
            ("RCS0018", "Property 'masks' uses the keyword 'items.validations', which the generator does not support; values are not checked against it", 14),
        ]);
        result.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("^[a-z]+$", "abc", true)]
    [InlineData("^[a-z]+$", "abc\n", false)]
    [InlineData("^\\d+$", "123", true)]
    [InlineData("^\\d+$", "\u0661\u0662", false)]
    [InlineData("^\\w+$", "é", false)]
    [InlineData("[$]", "a$b", true)]
    [InlineData("a\\$", "a$", true)]
    [InlineData("^\\p{L}+$", "été", true)]
    [InlineData("^\\p{L}+$", "été\n", false)]
    public void Patterns_follow_ecma_262_for_the_common_cases(string pattern, string value, bool valid)
    {
        var collector = new ValidationCollector();
        collector.Pattern("code", value, pattern);
        collector.ToResult().IsValid.ShouldBe(valid);
    }

    [Fact]
    public void A_pattern_that_times_out_is_a_validation_error_not_an_exception()
    {
        var collector = new ValidationCollector();
        // The lookahead keeps the pattern on the backtracking engine, where it is exponential.
        collector.Pattern("code", new string('a', 40) + "!", "^(?=a)(a+)+$");

        ValidationError error = collector.ToResult().Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("code");
        error.Rule.ShouldBe("pattern");
        error.Message.ShouldBe("could not be checked against the pattern ^(?=a)(a+)+$ within 1 s.");
    }

    [Fact]
    public void A_lone_surrogate_is_reported_by_validate_for_properties_and_items()
    {
        Type type = Compile("""
            {
              "type": "object",
              "properties": {
                "prompt": { "type": "string" },
                "tags": { "type": "array", "items": { "type": "string" } }
              }
            }
            """);
        var request = (IRunComfyRequest)Activator.CreateInstance(type)!;
        type.GetProperty("Prompt")!.SetValue(request, "ok\uD800");
        type.GetProperty("Tags")!.SetValue(request, new[] { "fine", "\uDC00x" });

        request.Validate().Errors.Select(e => (e.Path, e.Rule, e.Message)).ShouldBe(
        [
            ("prompt", "type", "must be well-formed Unicode text; it has a lone surrogate (\\uD800) at index 2."),
            ("tags[1]", "type", "must be well-formed Unicode text; it has a lone surrogate (\\uDC00) at index 0."),
        ]);
    }

    [Fact]
    public void Reading_json_reports_duplicates_out_of_range_numbers_and_lone_surrogates()
    {
        Type type = Compile("""
            {
              "type": "object",
              "properties": {
                "prompt": { "type": "string" },
                "seed": { "type": "integer" },
                "scale": { "type": "number" },
                "steps": { "type": "array", "items": { "type": "integer" } }
              }
            }
            """);

        var exception = Should.Throw<RequestJsonException>(() => Parse(type,
            """{"prompt":"a","prompt":"b","seed":1e400,"scale":1e400,"steps":[1,2.5,1e30]}"""));
        exception.Errors.Select(e => (e.Path, e.Rule, e.Message)).ShouldBe(
        [
            ("prompt", "duplicate", "appears more than once in the JSON object."),
            ("seed", "type", "is out of range for a 64-bit integer (-9223372036854775808 to 9223372036854775807); it is 1e400."),
            ("scale", "type", "is out of range for a number (double); it is 1e400."),
            ("steps[1]", "type", "must be an integer; it is 2.5."),
            ("steps[2]", "type", "is out of range for a 64-bit integer (-9223372036854775808 to 9223372036854775807); it is 1e30."),
        ]);

        Should.Throw<RequestJsonException>(() => Parse(type, """{"prompt":"\ud800"}"""))
            .Errors.ShouldHaveSingleItem().ShouldBe(new ValidationError("prompt", "type", "must be well-formed Unicode text; it has a lone surrogate."));
    }

    private static GenerationResult Generate(string json) => GeneratorHarness.Run(SchemaInput.ForModel("acme/widget", json));

    private static Type Compile(string json)
    {
        GenerationResult result = Generate(json);
        result.GeneratorDiagnostics.ShouldBeEmpty();
        using var stream = new MemoryStream();
        var emitted = result.Compilation.Emit(stream);
        emitted.Success.ShouldBeTrue(string.Join(Environment.NewLine, emitted.Diagnostics));
        return Assembly.Load(stream.ToArray()).GetType("RunComfy.Models.Acme.WidgetRequest", throwOnError: true)!;
    }

    private static IRunComfyRequest Parse(Type type, string json)
    {
        try
        {
            return (IRunComfyRequest)type.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, [json])!;
        }
        catch (TargetInvocationException ex) when (ex.InnerException is not null)
        {
            throw ex.InnerException;
        }
    }
}
