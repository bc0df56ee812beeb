using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Specs;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;
using Steps = RunComfy.SchemaClient.Generator.SchemaClientGenerator.Steps;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>
/// The pipeline carries only value-equal data: after editing one schema of the catalog, the generator
/// re-runs that schema alone; every other schema's steps are Cached or Unchanged.
/// </summary>
public sealed class IncrementalityTests
{
    private const string EditedModel = "bytedance/seedream-5.0-pro/text-to-image";

    [Fact]
    public void Editing_a_description_regenerates_only_the_edited_schema()
    {
        (GeneratorRunResult run, string editedPath) = RunTwice(text => text.Replace("\"description\": \"", "\"description\": \"Edited. ", StringComparison.Ordinal));

        ShouldBeReRunOnlyFor(run, editedPath);
        // Names did not change, so the compilation-wide steps are not even re-run.
        ReasonsOf(run, Steps.ModelIdentities).ShouldAllBe(r => r == IncrementalStepRunReason.Unchanged || r == IncrementalStepRunReason.Cached);
        ReasonsOf(run, Steps.NameResolutions).ShouldAllBe(r => r == IncrementalStepRunReason.Unchanged || r == IncrementalStepRunReason.Cached);
        ReasonsOf(run, Steps.CatalogEntries).ShouldAllBe(r => r == IncrementalStepRunReason.Unchanged || r == IncrementalStepRunReason.Cached);
    }

    [Fact]
    public void Renaming_a_property_regenerates_only_the_edited_schema()
    {
        (GeneratorRunResult run, string editedPath) = RunTwice(text => text.Replace("\"properties\": {", "\"properties\": {\n    \"extra_mode\": { \"type\": \"string\", \"enum\": [\"a\"] },", StringComparison.Ordinal));

        // The new enum changes the compilation-wide name list, yet every other model resolves to the
        // same value, so its output is not regenerated.
        ShouldBeReRunOnlyFor(run, editedPath);
        ReasonsOf(run, Steps.NameResolutions).ShouldBe([IncrementalStepRunReason.Modified]);
    }

    private static (GeneratorRunResult Run, string EditedPath) RunTwice(Func<string, string> edit)
    {
        GeneratorDriver driver = GeneratorHarness.CreateDriver(Fixtures.Catalog, out ImmutableArray<AdditionalText> texts);
        Compilation compilation = GeneratorHarness.CreateCompilation();
        driver = driver.RunGenerators(compilation);

        SchemaInput edited = Fixtures.Get(EditedModel);
        string newText = edit(edited.Text);
        newText.ShouldNotBe(edited.Text);
        AdditionalText old = texts.Single(t => t.Path == edited.Path);
        driver = driver.ReplaceAdditionalText(old, new InMemoryAdditionalText(edited.Path, newText));
        driver = driver.RunGenerators(compilation);
        return (driver.GetRunResult().Results.Single(), edited.Path);
    }

    private static void ShouldBeReRunOnlyFor(GeneratorRunResult run, string editedPath)
    {
        AssertPerFileStep(run, Steps.SchemaFiles, (SchemaFile f) => f.Path, editedPath);
        AssertPerFileStep(run, Steps.ParsedSchemas, (ParseResult p) => p.Path, editedPath);
        AssertPerFileStep(run, Steps.ResolvedModels, (ResolvedModel r) => r.Path, editedPath);

        // Source outputs: only the edited model's file is produced again.
        var outputs = run.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(step => step.Outputs).ToList();
        outputs.Count(o => o.Reason == IncrementalStepRunReason.Modified).ShouldBe(1);
        outputs.Where(o => o.Reason != IncrementalStepRunReason.Modified)
            .ShouldAllBe(o => o.Reason == IncrementalStepRunReason.Cached || o.Reason == IncrementalStepRunReason.Unchanged);
    }

    private static void AssertPerFileStep<T>(GeneratorRunResult run, string stepName, Func<T, string> pathOf, string editedPath)
    {
        var outputs = run.TrackedSteps[stepName].SelectMany(step => step.Outputs).ToList();
        outputs.Count.ShouldBe(Fixtures.Catalog.Count, stepName);
        foreach (var (value, reason) in outputs)
        {
            string path = pathOf((T)value);
            if (path == editedPath)
            {
                reason.ShouldBe(IncrementalStepRunReason.Modified, $"{stepName}: {path}");
            }
            else
            {
                reason.ShouldBeOneOf([IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged], $"{stepName}: {path}");
            }
        }
    }

    private static IncrementalStepRunReason[] ReasonsOf(GeneratorRunResult run, string stepName) =>
        [.. run.TrackedSteps[stepName].SelectMany(step => step.Outputs).Select(o => o.Reason)];
}
