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
