using System.Text.Json;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;
using Xunit.Abstractions;
using RunComfy.Metadata;

namespace RunComfy.SchemaClient.Generator.Tests.Interpreted;

/// <summary>
/// Two implementations, one corpus: for every catalog schema, the edge-case schema and the two seeds, the
/// generated request type and <see cref="ModelInfo.FromSchema"/> must give the same parameters and, for every
/// body of <see cref="RequestCorpus"/>, the same parse problems, validation errors, JSON and media fields.
/// </summary>
[Collection(GeneratedModelsCollection.Name)]
public sealed class InterpreterDifferentialTests
{
    private readonly GeneratedModels _models;
    private readonly ITestOutputHelper _output;

    public InterpreterDifferentialTests(GeneratedModels models, ITestOutputHelper output)
    {
        _models = models;
        _output = output;
    }

    [Fact]
    public void Every_schema_is_compiled_and_loaded()
    {
        _models.Models.Count.ShouldBe(Fixtures.Catalog.Count + 2 + Fixtures.Seeds.Count);
        _models.Models.Count.ShouldBe(125);
    }

    [Fact]
    public void Parameters_are_the_same()
    {
        foreach (ModelInfo generated in _models.Models)
        {
            ModelInfo interpreted = ModelInfo.FromSchema(generated.ModelId, generated.SchemaJson);
            interpreted.IsLoadedAtRunTime.ShouldBeTrue();
            generated.IsLoadedAtRunTime.ShouldBeFalse();
            interpreted.Parameters.Select(Describe).ShouldBe(generated.Parameters.Select(Describe), generated.ModelId);
        }
    }

    [Fact]
    public void Every_body_of_the_corpus_gets_the_same_result()
    {
        int bodies = 0, parsed = 0, rejected = 0, problems = 0;
        var disagreements = new List<string>();
        foreach (ModelInfo generated in _models.Models)
        {
            ModelInfo interpreted = ModelInfo.FromSchema(generated.ModelId, generated.SchemaJson);
            foreach (string body in RequestCorpus.For(generated))
            {
                bodies++;
                Outcome expected = Outcome.Of(generated, body);
                Outcome actual = Outcome.Of(interpreted, body);
                if (expected.ParseErrors is null)
                {
                    parsed++;
                }
                else
                {
                    rejected++;
                }

                problems += expected.Problems;
                if (expected.ToString() != actual.ToString())
                {
                    disagreements.Add($"{generated.ModelId} {body}{Environment.NewLine}  generated:   {expected}{Environment.NewLine}  interpreted: {actual}");
                }

                CheckResult(generated, body).ShouldBe(CheckResult(interpreted, body), $"{generated.ModelId}: Check({body})");
            }
        }

        _output.WriteLine($"{_models.Models.Count} models, {bodies} bodies ({parsed} parsed, {rejected} rejected when parsing), {problems} problems reported, {bodies - disagreements.Count} agree.");
        disagreements.Take(20).ShouldBeEmpty();
        bodies.ShouldBeGreaterThan(10_000);
        rejected.ShouldBeGreaterThan(0);
        parsed.ShouldBeGreaterThan(0);
    }

    private static string CheckResult(ModelInfo model, string body)
    {
        RequestCheck check = model.Check(body);
        return string.Join(" | ", check.Errors.Select(e => $"{e.Path} {e.Rule} {e.Message}")) + (check.Request is null ? " (not parsed)" : " (parsed)");
    }

    private static string Describe(ModelParameter p) =>
        $"{p with { EnumJson = null, MediaRules = [] }} enum=[{string.Join(", ", p.EnumJson ?? [])}] media=[{string.Join(", ", p.MediaRules)}]";

    /// <summary>What one implementation makes of one body, as comparable text.</summary>
    private sealed record Outcome(string? ParseErrors, string? ValidationErrors, string? Json, string? MediaFields, int Problems)
    {
        public static Outcome Of(ModelInfo model, string body)
        {
            IRunComfyRequest request;
            try
            {
                request = model.Parse(body);
            }
            catch (RequestJsonException ex)
            {
                ex.ModelId.ShouldBe(model.ModelId);
                return new Outcome(Text(ex.Errors), null, null, null, ex.Errors.Count);
            }

            request.ModelId.ShouldBe(model.ModelId);
            IReadOnlyList<ValidationError> errors = request.Validate().Errors;
            string media = string.Join("; ", request.GetMediaFields().Select(f => $"{f.Path}={f.Media.Url} [{string.Join(", ", f.Rules)}]"));
            return new Outcome(null, Text(errors), RequestJsonWriter.ToJson(request), media, errors.Count);
        }

        private static string Text(IEnumerable<ValidationError> errors) =>
            string.Join(" | ", errors.Select(e => $"({e.Path}, {e.Rule}) {e.Message}"));
    }
}
