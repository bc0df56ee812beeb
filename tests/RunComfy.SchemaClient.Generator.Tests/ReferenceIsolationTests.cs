using Microsoft.CodeAnalysis;
using NJsonSchema;
using RunComfy.SchemaClient.Generator.Parsing;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>
/// A schema never causes I/O: a loopback server named by a <c>$ref</c> in every position receives no
/// request while the generator runs; each reference gets RCS0025 at its line and the rest generates.
/// </summary>
public sealed class ReferenceIsolationTests
{
    private const string TypeName = "RunComfy.Models.Acme.RefsRequest";

    /// <summary>$ref (and $id/$schema) naming the server at the root, in definitions, $defs, allOf, a property, items, nested definitions, and a relative file.</summary>
    private static string HostileSchema(string url) => $$"""
        {
          "$schema": "{{url}}/schema",
          "$id": "{{url}}/id.json",
          "$ref": "{{url}}/root.json",
          "type": "object",
          "definitions": { "remote": { "$ref": "{{url}}/definitions.json" } },
          "$defs": { "x": { "$ref": "{{url}}/defs.json" } },
          "allOf": [ { "$ref": "{{url}}/allof.json" } ],
          "properties": {
            "prompt": { "type": "string", "$ref": "{{url}}/property.json" },
            "tags": { "type": "array", "items": { "type": "string", "$ref": "{{url}}/items.json" } },
            "nested": { "type": "string", "definitions": { "d": { "$ref": "{{url}}/nested.json" } } },
            "relative": { "$ref": "other.json#/x" },
            "seed": { "type": "integer", "minimum": 1, "default": { "$ref": "{{url}}/data.json" } }
          },
          "required": ["prompt"]
        }
        """;

    [Fact]
    public async Task The_fixture_detects_a_fetch_when_references_are_followed()
    {
        // Control: NJsonSchema's own resolver fetches a URL $ref, and the server counts it.
        using var server = new LoopbackRequestCounter();
        string schema = $$"""{ "type": "object", "properties": { "a": { "$ref": "{{server.BaseUrl}}/a.json" } } }""";

        JsonSchema read = await JsonSchema.FromJsonAsync(schema, CancellationToken.None);

        read.Properties.ShouldContainKey("a");
        server.Connections.ShouldBeGreaterThan(0);
    }

    [Fact]
    public void Running_the_generator_makes_no_request_and_reports_every_reference_where_it_is()
    {
        using var server = new LoopbackRequestCounter();

        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/refs", HostileSchema(server.BaseUrl)));

        server.Connections.ShouldBe(0);
        var references = result.GeneratorDiagnostics.Where(d => d.Id == "RCS0025").ToList();
        references.Select(d => d.Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe([4, 6, 7, 8, 10, 11, 12, 13], ignoreOrder: true);
        references.ShouldAllBe(d => d.Severity == DiagnosticSeverity.Warning);
        references.ShouldContain(d => d.GetMessage() == "The '$ref' at 'properties.relative' names 'other.json#/x'; the generator never follows references (a schema is read offline, with no file or network access), so it is ignored");
        result.GeneratorDiagnostics.ShouldContain(d => d.Id == "RCS0028" && d.GetMessage().Contains("'allOf'"));
        result.GeneratorDiagnostics.ShouldNotContain(d => d.Severity == DiagnosticSeverity.Error);

        // The rest of the schema still generates and compiles.
        string source = result.Source(TypeName);
        source.ShouldContain("public required string Prompt { get; init; }");
        source.ShouldContain("global::System.Collections.Generic.IReadOnlyList<string>? Tags { get; init; }");
        source.ShouldContain("__v.Minimum(\"seed\", Seed, 1L);");
        result.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_local_reference_is_not_followed_either()
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/refs", """
            {
              "type": "object",
              "definitions": { "positive": { "type": "integer", "minimum": 1 } },
              "properties": { "n": { "$ref": "#/definitions/positive" } }
            }
            """));

        Diagnostic diagnostic = result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RCS0025");
        (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe(4);
        result.Source(TypeName).ShouldContain("public global::System.Text.Json.JsonElement? N { get; init; }");
        result.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void A_property_named_like_a_keyword_is_a_property_not_a_reference()
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/refs", """
            {
              "type": "object",
              "properties": {
                "$ref": { "type": "string", "maxLength": 3 },
                "examples": { "type": "integer", "minimum": 1 }
              }
            }
            """));

        result.GeneratorDiagnostics.ShouldBeEmpty();
        string source = result.Source(TypeName);
        source.ShouldContain("public string? Ref { get; init; }");
        source.ShouldContain("__v.Minimum(\"examples\", Examples, 1L);");
        result.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public async Task The_resolver_refuses_a_url_so_nothing_is_fetched_even_without_stripping()
    {
        using var server = new LoopbackRequestCounter();
        string schema = $$"""{ "type": "object", "properties": { "a": { "$ref": "{{server.BaseUrl}}/a.json#/x" } } }""";

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() => OfflineReferenceResolver.ReadAsync(schema, CancellationToken.None));

        server.Connections.ShouldBe(0);
        EnumerateInner(thrown).OfType<OfflineReferenceResolver.ExternalReferenceException>().ShouldHaveSingleItem().Reference.ShouldBe(server.BaseUrl + "/a.json");
    }

    [Theory]
    [InlineData("other.json")]
    [InlineData("/etc/hostname")]
    [InlineData("file:///etc/hostname")]
    public async Task The_resolver_reads_no_file_even_without_stripping(string target)
    {
        // With no document path, NJsonSchema refuses these before asking the resolver; the resolver would refuse them too.
        string schema = $$"""{ "type": "object", "properties": { "a": { "$ref": "{{target}}" } } }""";

        var thrown = await Should.ThrowAsync<Exception>(() => OfflineReferenceResolver.ReadAsync(schema, CancellationToken.None));

        EnumerateInner(thrown).ShouldContain(e => e is NotSupportedException || e is OfflineReferenceResolver.ExternalReferenceException);
    }

    private static IEnumerable<Exception> EnumerateInner(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            yield return ex;
        }
    }
}
