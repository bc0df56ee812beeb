using System.Reflection;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;
using RunComfy.Metadata;

namespace RunComfy.SchemaClient.Generator.Tests.Patterns;

/// <summary>
/// One <c>Validate()</c> call cannot be made to run for long: an array past <c>maxItems</c> has only its
/// first <c>maxItems</c> items checked, and all pattern matches of the call share one time budget.
/// </summary>
public sealed class RegexBudgetTests
{
    // The lookahead keeps this pattern on the backtracking engine, where (a+)+ over "aaa...!" is exponential.
    private const string Catastrophic = "^(?=a)(a+)+$";

    private static readonly string Hostile = new string('a', 40) + "!";

    [Fact]
    public void A_thousand_hostile_items_past_max_items_get_the_max_items_error_and_no_item_checks_past_the_limit()
    {
        Type type = Compile("""
            {
              "type": "object",
              "properties": {
                "codes": { "type": "array", "maxItems": 3, "items": { "type": "string", "pattern": "^(a+)+$" } }
              }
            }
            """);
        string codes = string.Join(",", Enumerable.Repeat("\"" + Hostile + "\"", 1_000));
        var request = (IRunComfyRequest)type.GetMethod("FromJson", BindingFlags.Public | BindingFlags.Static)!.Invoke(null, ["{\"codes\":[" + codes + "]}"])!;

        request.Validate().Errors.Select(e => (e.Path, e.Rule, e.Message)).ShouldBe(
        [
            ("codes", "maxItems", "must have at most 3 items; it has 1000."),
            ("codes[0]", "pattern", "must match the pattern ^(a+)+$."),
            ("codes[1]", "pattern", "must match the pattern ^(a+)+$."),
            ("codes[2]", "pattern", "must match the pattern ^(a+)+$."),
        ]);
    }

    [Fact]
    public void Items_past_a_failed_max_items_are_not_checked_even_on_the_backtracking_engine()
    {
        var collector = new ValidationCollector(TimeSpan.FromMilliseconds(100));
        int visited = 0;
        collector.Items("codes", Enumerable.Repeat(Hostile, 1_000).ToList(), null, 2, (c, path, item) =>
        {
            visited++;
            c.Pattern(path, item, Catastrophic);
        });

        visited.ShouldBe(2);
        collector.ToResult().Errors.Select(e => (e.Path, e.Rule)).ShouldBe(
        [
            ("codes", "maxItems"),
            ("codes[0]", "pattern"),
            ("codes[1]", "pattern"),
        ]);
    }

    [Fact]
    public void Matches_after_the_budget_is_spent_are_reported_as_not_checked_naming_field_and_rule()
    {
        var collector = new ValidationCollector(TimeSpan.FromMilliseconds(100));

        collector.Pattern("first", Hostile, Catastrophic);
        collector.Pattern("second", Hostile, Catastrophic);
        collector.Pattern("third", "aaa", "^a+$");

        IReadOnlyList<ValidationError> errors = collector.ToResult().Errors;
        errors.Select(e => (e.Path, e.Rule)).ShouldBe([("first", "pattern"), ("second", "pattern"), ("third", "pattern")]);
        errors[0].Message.ShouldStartWith("could not be checked against the pattern ^(?=a)(a+)+$ within ");
        // The engine notices a timeout a little after it: the second match may get the last milliseconds of the budget.
        string second = errors[1].Message;
        (second == "was not checked against the pattern ^(?=a)(a+)+$: this validation already spent its 0.1 s budget for patterns."
            || second.StartsWith("could not be checked against the pattern ^(?=a)(a+)+$ within ", StringComparison.Ordinal)).ShouldBeTrue(second);
        errors[2].Message.ShouldBe("was not checked against the pattern ^a+$: this validation already spent its 0.1 s budget for patterns.");
    }

    [Fact]
    public void Each_validate_call_gets_a_fresh_budget()
    {
        var first = new ValidationCollector(TimeSpan.FromMilliseconds(50));
        first.Pattern("code", Hostile, Catastrophic);
        first.ToResult().IsValid.ShouldBeFalse();

        var second = new ValidationCollector(TimeSpan.FromMilliseconds(50));
        second.Pattern("code", "aaa", "^a+$");
        second.ToResult().IsValid.ShouldBeTrue();
    }

    private static Type Compile(string json)
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/budget", json));
        result.GeneratorDiagnostics.ShouldBeEmpty();
        using var stream = new MemoryStream();
        var emitted = result.Compilation.Emit(stream);
        emitted.Success.ShouldBeTrue(string.Join(Environment.NewLine, emitted.Diagnostics));
        return Assembly.Load(stream.ToArray()).GetType("RunComfy.Models.Acme.BudgetRequest", throwOnError: true)!;
    }
}
