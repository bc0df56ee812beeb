using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests.Interpreted;

/// <summary><see cref="ModelInfo.FromSchema"/> refuses what the generator refuses, with the same diagnostic ids, and warns where it warns.</summary>
public sealed class FromSchemaTests
{
    public static TheoryData<string, string> RefusedSchemas => new()
    {
        { "acme/broken", "{\"properties\": {\"a\": {\"type\": \"string\"}" },
        { "acme/broken", "[1, 2]" },
        { "acme/broken", "{\"properties\": 3}" },
        { "acme/broken", "{\"properties\": {\"a\": {\"type\": \"string\"}, \"a\": {\"type\": \"integer\"}}}" },
        { "acme/broken", "{\"type\": \"object\"} trailing" },
        { "single-segment", "{\"properties\": {}}" },
        { "acme/bad id", "{\"properties\": {}}" },
        { "acme//empty", "{\"properties\": {}}" },
    };

    [Theory]
    [MemberData(nameof(RefusedSchemas))]
    public void A_schema_the_generator_refuses_throws_one_exception_with_the_same_diagnostic_ids(string modelId, string schema)
    {
        GenerationResult generated = GeneratorHarness.Run(SchemaInput.ForModel(modelId, schema));
        string[] expected = [.. generated.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id)];
        expected.ShouldNotBeEmpty();

        var refused = Should.Throw<ModelSchemaException>(() => ModelInfo.FromSchema(modelId, schema));
        refused.ModelId.ShouldBe(modelId);
        refused.Problems.Where(p => p.IsError).Select(p => p.Id).ShouldBe(expected);
        foreach (SchemaProblem problem in refused.Problems.Where(p => p.IsError))
        {
            refused.Message.ShouldContain(problem.Id);
        }
    }

    [Fact]
    public void A_schema_over_the_generator_s_size_limit_is_refused_alone()
    {
        string schema = "{\"description\":\"" + new string('x', 256 * 1024) + "\",\"properties\":{}}";

        var refused = Should.Throw<ModelSchemaException>(() => ModelInfo.FromSchema("acme/huge", schema));

        SchemaProblem problem = refused.Problems.ShouldHaveSingleItem();
        problem.Id.ShouldBe("RCS0021");
        problem.Message.ShouldBe("The schema is 262,178 characters long, over the limit of 262,144; it generates nothing");
    }

    [Fact]
    public void The_same_message_as_the_generator_for_a_refused_model_id()
    {
        const string schema = "{\"properties\": {}}";
        string expected = GeneratorHarness.Run(SchemaInput.ForModel("single-segment", schema)).GeneratorDiagnostics.Single().GetMessage();
        Should.Throw<ModelSchemaException>(() => ModelInfo.FromSchema("single-segment", schema)).Problems.Single().Message.ShouldBe(expected);
    }

    [Theory]
    [InlineData("edge", GeneratedModels.EdgeModelId)]
    [InlineData("differential", GeneratedModels.KeywordsModelId)]
    public void The_edge_case_schemas_get_the_generator_s_warnings(string folder, string modelId)
    {
        string path = Path.Combine(AppContext.BaseDirectory, "Fixtures", folder, "keywords.json");
        string schema = File.ReadAllText(path);
        GenerationResult generated = GeneratorHarness.Run(new SchemaInput(path, schema, modelId));

        // RCS0005 (a property named like a C# keyword) changes nothing at run time and needs Roslyn's keyword list.
        string[] expected = [.. generated.GeneratorDiagnostics.Where(d => d.Id != "RCS0005").Select(d => d.GetMessage()).Order(StringComparer.Ordinal)];
        ModelInfo.FromSchema(modelId, schema).SchemaWarnings.Select(w => w.Message).Order(StringComparer.Ordinal).ShouldBe(expected);
    }

    /// <summary>Hostile numbers (docs/generator.md, "Numbers"): each drops its keyword alone, with the generator's RCS0016 text.</summary>
    public static TheoryData<string> HostileNumberSchemas => new()
    {
        """{"properties":{"n":{"type":"number","minimum":1e400,"maximum":-1e400}}}""",
        """{"properties":{"n":{"type":"number","maximum":NaN,"minimum":Infinity,"exclusiveMinimum":-Infinity}}}""",
        """{"properties":{"n":{"type":"integer","maximum":99999999999999999999,"minimum":-1e300,"exclusiveMaximum":2.5}}}""",
        """{"properties":{"n":{"type":"number","maximum":99999999999999999999,"minimum":1e300}}}""",
        """{"properties":{"n":{"type":"number","enum":[0.5,1e400]}}}""",
        """{"properties":{"n":{"type":"number","enum":[0.5,NaN]}}}""",
        """{"properties":{"n":{"type":"integer","enum":[1,99999999999999999999]}}}""",
        """{"properties":{"n":{"type":"integer","enum":[4.0,2.5]}}}""",
        """{"properties":{"n":{"type":"number","const":1e400}}}""",
        """{"properties":{"n":{"type":"number","const":-Infinity}}}""",
        """{"properties":{"n":{"type":"integer","const":99999999999999999999}}}""",
        """{"properties":{"n":{"type":"integer","const":2.5}}}""",
        """{"properties":{"n":{"type":"integer","const":-2.0,"maximum":8.0},"s":{"type":"string","maxLength":2.0,"minLength":NaN}}}""",
        """{"properties":{"n":{"type":"array","items":{"type":"number","enum":[1,NaN]}}}}""",
        """{"properties":{"n":{"type":"array","items":{"type":"integer","enum":[1,99999999999999999999],"minimum":1e400}}}}""",
        """{"properties":{"n":{"type":"array","items":{"type":"number","maximum":-1e400,"exclusiveMinimum":NaN}}}}""",
        """{"properties":{"n":{"type":"number","default":[1,-Infinity]}}}""",
        """{"properties":{"n":{"type":"number","default":1e400}}}""",
        """{"properties":{"n":{"type":"object","default":{"a":{"b":[NaN]}}}}}""",
        """{"properties":{"n":{"type":"string","maxLength":1e400,"minLength":-1}}}""",
        """{"properties":{"img":{"type":"string","format":"image_uri","validations":[{"validation_rule":"file_size_mb<=","validation_value":1e400},{"validation_rule":"width_pixels<=","validation_value":4096}]}}}""",
        """{"properties":{"img":{"type":"string","format":"image_uri","validations":[{"validation_rule":"file_size_mb<=","validation_value":NaN}]}}}""",
    };

    [Theory]
    [MemberData(nameof(HostileNumberSchemas))]
    public void A_hostile_number_gets_the_generator_s_warnings_and_nothing_else(string schema)
    {
        GenerationResult generated = GeneratorHarness.Run(SchemaInput.ForModel("acme/numbers", schema));
        generated.GeneratorDiagnostics.ShouldAllBe(d => d.Severity != DiagnosticSeverity.Error);
        string[] expected = [.. generated.GeneratorDiagnostics.Select(d => d.Id + " " + d.GetMessage()).Order(StringComparer.Ordinal)];

        ModelInfo model = ModelInfo.FromSchema("acme/numbers", schema);

        model.SchemaWarnings.Select(w => w.Id + " " + w.Message).Order(StringComparer.Ordinal).ShouldBe(expected);
    }

    /// <summary>Names the generator refuses to write (RCS0022): too long for metadata, in a member, an enum, a type or a namespace.</summary>
    public static TheoryData<string, string> UnwritableNames => new()
    {
        { "acme/long-name", Property(new string('n', 600), """{"type":"string"}""") },
        { "acme/letters", Property(new string('\u00e9', 300), """{"type":"string"}""") },
        { "acme/enum-value", Property("mode", """{"type":"string","enum":["short",""" + "\"" + new string('v', 600) + "\"]}") },
        { "acme/" + new string('m', 600), Property("a", """{"type":"string"}""") },
        { new string('o', 600) + "/m", Property("a", """{"type":"string"}""") },
        { new string('o', 500) + "/" + new string('m', 500), Property("a", """{"type":"string"}""") },
        { "acme/" + new string('m', 300), Property(new string('n', 300), """{"type":"string","enum":["a","b"]}""") },
        { "acme/x", Property(new string('n', 508), """{"type":"integer","enum":[1,2]}""") },
        { "acme/local", Property(new string('n', 511), """{"type":"string"}""") },
        { "acme/rules", Property(new string('i', 506), """{"type":"string","format":"image_uri"}""") },
        // The static field of a number enum's or an item enum's allowed values, __memberAllowed, is 514 bytes here.
        { "acme/allowed", Property(new string('n', 505), """{"type":"number","enum":[1.5,2.5]}""") },
        { "acme/item-allowed", Property(new string('n', 505), """{"type":"array","items":{"type":"string","enum":["a","b"]}}""") },
    };

    [Theory]
    [MemberData(nameof(UnwritableNames))]
    public void A_name_the_generator_cannot_write_is_refused_with_its_RCS0022_message(string modelId, string schema)
    {
        GenerationResult generated = GeneratorHarness.Run(SchemaInput.ForModel(modelId, schema));
        string[] expected = [.. generated.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id + " " + d.GetMessage())];
        expected.ShouldHaveSingleItem().ShouldStartWith("RCS0022 ");

        var refused = Should.Throw<ModelSchemaException>(() => ModelInfo.FromSchema(modelId, schema));

        refused.Problems.Where(p => p.IsError).Select(p => p.Id + " " + p.Message).ShouldBe(expected);
        refused.Message.ShouldContain("RCS0022");
    }

    /// <summary>Valid JSON that .NET cannot read as a string: a server's schema with it is refused, not a crash.</summary>
    [Theory]
    [InlineData("""{"properties":{"a":{"type":"string","description":"x\ud800"}}}""")]
    [InlineData("""{"properties":{"\ud800":{"type":"string"}}}""")]
    [InlineData("""{"properties":{"a":{"type":"string","enum":["\udc00","b"]}}}""")]
    [InlineData("""{"properties":{"a":{"type":"string","default":"\ud83d"}}}""")]
    public void A_lone_surrogate_escape_is_refused_as_an_unreadable_schema(string schema)
    {
        var refused = Should.Throw<ModelSchemaException>(() => ModelInfo.FromSchema("acme/x", schema));

        refused.Problems.Where(p => p.IsError).Select(p => p.Id).ShouldBe(["RCS0014"]);
        refused.Message.ShouldContain("lone surrogate escape");
    }

    [Fact]
    public void Names_at_the_limits_load_as_they_generate()
    {
        // A member of 510 bytes (its local, __member, is 512); a media member of 505 (its __memberRules field is 512);
        // an enum type of 506 bytes whose Values type is 512; a number enum of 503 (its __memberAllowed field is 512).
        string schema = "{\"properties\":{" + JsonString(new string('n', 510)) + ":{\"type\":\"string\"},"
            + JsonString(new string('i', 505)) + ":{\"type\":\"string\",\"format\":\"image_uri\"},"
            + JsonString(new string('e', 505)) + ":{\"type\":\"string\",\"enum\":[\"a\"]},"
            + JsonString(new string('d', 503)) + ":{\"type\":\"number\",\"enum\":[1.5]}}}";
        GenerationResult generated = GeneratorHarness.Run(SchemaInput.ForModel("acme/x", schema));
        generated.GeneratorDiagnostics.ShouldBeEmpty();

        ModelInfo model = ModelInfo.FromSchema("acme/x", schema);

        model.Parameters.Select(p => p.PropertyName.Length).ShouldBe([510, 505, 505, 503]);
        model.SchemaWarnings.ShouldBeEmpty();
    }

    private static string Property(string name, string schema) => "{\"properties\":{" + JsonString(name) + ":" + schema + "}}";

    private static string JsonString(string text) => "\"" + text + "\"";

    [Fact]
    public void A_model_loaded_at_run_time_is_named_and_typed_as_generated()
    {
        ModelInfo model = ModelInfo.FromSchema("kling/kling-3.0/pro", "{\"required\":[\"prompt\"],\"properties\":{\"prompt\":{\"type\":\"string\"},\"model_id\":{\"type\":\"string\"},\"image\":{\"type\":\"string\",\"format\":\"image_uri\"}}}");
        model.RequestType.ShouldBe(typeof(InterpretedRequest));
        model.Parameters.Select(p => p.PropertyName).ShouldBe(["Prompt", "ModelIdValue", "Image"]);
        model.Parameters.Select(p => p.IsMedia).ShouldBe([false, false, true]);
        model.SchemaWarnings.Single().Id.ShouldBe("RCS0006");

        var request = (InterpretedRequest)model.Parse("{\"image\":\"https://example.com/a.png\",\"prompt\":\"a cat\"}");
        request.ModelId.ShouldBe("kling/kling-3.0/pro");
        request["prompt"].ShouldBe("a cat");
        request.ToJson().ShouldBe("{\"prompt\":\"a cat\",\"image\":\"https://example.com/a.png\"}");
        request.GetMediaFields().Single().Path.ShouldBe("image");
    }
}
