using System.Reflection;
using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests.JsonSchemaTestSuite;

/// <summary>
/// The official JSON-Schema-Test-Suite (draft 2020-12) for the keywords the generator checks: each group
/// becomes a request type (see <see cref="SuiteSchemaAdapter"/>), all generated and compiled together,
/// and each case's value must be valid or invalid through <c>FromJson</c> + <c>Validate()</c> exactly as
/// the suite says. What a request cannot express is listed, with reasons, in <see cref="SuiteExclusions"/>.
/// </summary>
public sealed class JsonSchemaTestSuiteTests
{
    private static readonly Lazy<Generated> Models = new(Generate);

    // How a name became a C# member (enum values "foo\nbar" and "foo\rbar" both map to FooBar): no check is lost.
    private static readonly HashSet<string> NamingDiagnostics = ["RCS0004", "RCS0005", "RCS0006", "RCS0012", "RCS0013"];

    /// <summary>Every case that runs (all but the listed exclusions).</summary>
    public static TheoryData<string> Cases { get; } =
        [.. SuiteFixtures.Groups.SelectMany(g => g.Cases).Where(c => SuiteExclusions.ReasonFor(c) is null).Select(c => c.Id)];

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_gets_the_suite_verdict(string id)
    {
        var (group, test) = Find(id);
        Models.Value.ByGroup.TryGetValue(group, out ModelInfo? model).ShouldBeTrue($"{id}: the group generated no request type");
        string body = SuiteSchemaAdapter.Body(test, Models.Value.Wrapped[group]);

        string verdict;
        try
        {
            ValidationResult result = model!.Parse(body).Validate();
            verdict = result.IsValid ? "valid" : "invalid: " + string.Join("; ", result.Errors);
        }
        catch (RequestJsonException ex)
        {
            verdict = "invalid (FromJson): " + string.Join("; ", ex.Errors);
        }

        verdict.StartsWith("valid", StringComparison.Ordinal).ShouldBe(test.Valid, $"[{id}] body {body} was {verdict}");
    }

    [Fact]
    public void Every_group_that_runs_generates_a_request_type_and_a_fully_run_group_has_no_diagnostics()
    {
        var problems = new List<string>();
        foreach (SuiteGroup group in RunGroups)
        {
            if (!Models.Value.ByGroup.ContainsKey(group))
            {
                problems.Add($"{group.File} / {group.Description}: the adapter cannot write it as a request; exclude it with a reason");
            }

            // A warning other than a naming one means a keyword is not checked; only a group whose affected
            // cases are excluded may have one.
            if (group.Cases.All(c => SuiteExclusions.ReasonFor(c) is null))
            {
                problems.AddRange(Models.Value.Diagnostics
                    .Where(d => d.Location.GetLineSpan().Path == PathOf(group) && !NamingDiagnostics.Contains(d.Id))
                    .Select(d => $"{group.File} / {group.Description}: {d.Id} {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}"));
            }
        }

        problems.ShouldBeEmpty();
        Models.Value.CompilationDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Every_exclusion_names_a_suite_group_or_case_and_gives_a_reason()
    {
        var cases = SuiteFixtures.Groups.SelectMany(g => g.Cases).ToList();
        foreach (SuiteExclusions.Exclusion exclusion in SuiteExclusions.All)
        {
            exclusion.Reason.Trim().Length.ShouldBeGreaterThan(20, $"{exclusion}: say why");
            cases.ShouldContain(
                c => c.File == exclusion.File && c.Group == exclusion.Group && (exclusion.Case == null || c.Description == exclusion.Case),
                $"{exclusion} names no case of the copied suite");
        }

        SuiteExclusions.All.Select(e => (e.File, e.Group, e.Case)).ShouldBeUnique();
    }

    [Fact]
    public void Every_copied_case_either_runs_or_is_excluded_by_name()
    {
        var all = SuiteFixtures.Groups.SelectMany(g => g.Cases).ToList();
        all.Count.ShouldBeGreaterThan(300);
        all.Select(c => c.Id).ShouldBeUnique();
        (Cases.Count + all.Count(c => SuiteExclusions.ReasonFor(c) is not null)).ShouldBe(all.Count);
    }

    private static IEnumerable<SuiteGroup> RunGroups =>
        SuiteFixtures.Groups.Where(g => g.Cases.Any(c => SuiteExclusions.ReasonFor(c) is null));

    private static (SuiteGroup Group, SuiteCase Case) Find(string id)
    {
        foreach (SuiteGroup group in SuiteFixtures.Groups)
        {
            foreach (SuiteCase test in group.Cases)
            {
                if (test.Id == id)
                {
                    return (group, test);
                }
            }
        }

        throw new InvalidOperationException("No suite case " + id);
    }

    private static string ModelId(SuiteGroup group) => "suite/group-" + SuiteFixtures.Groups.ToList().IndexOf(group).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string PathOf(SuiteGroup group) => "/schemas/" + ModelId(group) + ".json";

    // All groups in one generator run and one compilation: a few seconds instead of one compile per group.
    private static Generated Generate()
    {
        var wrapped = new Dictionary<SuiteGroup, bool>();
        var inputs = new List<SchemaInput>();
        foreach (SuiteGroup group in RunGroups)
        {
            if (SuiteSchemaAdapter.ToRequestSchema(group, out bool isWrapped) is { } schema)
            {
                wrapped[group] = isWrapped;
                inputs.Add(SchemaInput.ForModel(ModelId(group), schema.ToJsonString()));
            }
        }

        GenerationResult result = GeneratorHarness.Run(inputs, "JsonSchemaTestSuiteModels");
        using var stream = new MemoryStream();
        var emitted = result.Compilation.Emit(stream);
        emitted.Success.ShouldBeTrue(string.Join(Environment.NewLine, emitted.Diagnostics));
        Type catalog = Assembly.Load(stream.ToArray()).GetType("RunComfy.Generated.GeneratedModelCatalog", throwOnError: true)!;
        var models = (IReadOnlyList<ModelInfo>)catalog.GetProperty("Models", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static)!.GetValue(null)!;
        var byId = models.ToDictionary(m => m.ModelId, StringComparer.Ordinal);
        var byGroup = wrapped.Keys.Where(g => byId.ContainsKey(ModelId(g))).ToDictionary(g => g, g => byId[ModelId(g)]);
        return new Generated(byGroup, wrapped, result.GeneratorDiagnostics, result.CompilationDiagnostics);
    }

    private sealed record Generated(
        IReadOnlyDictionary<SuiteGroup, ModelInfo> ByGroup,
        IReadOnlyDictionary<SuiteGroup, bool> Wrapped,
        IReadOnlyList<Diagnostic> Diagnostics,
        IReadOnlyList<Diagnostic> CompilationDiagnostics);
}
