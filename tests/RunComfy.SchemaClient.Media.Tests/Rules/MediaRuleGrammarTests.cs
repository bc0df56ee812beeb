using System.Reflection;
using System.Runtime.Loader;
using RunComfy.Media.Rules;

namespace RunComfy.SchemaClient.Media.Tests.Rules;

/// <summary>
/// One grammar of rule names: the generator warns about exactly the rules the runtime does not check, and the
/// runtime checks every rule the generator accepts silently.
/// </summary>
public sealed class MediaRuleGrammarTests
{
    private static readonly string[] Candidates = BuildCandidates();

    private static string[] BuildCandidates()
    {
        string[] subjects = ["file_size_mb", "width_pixels", "height_pixels", "width/height", "height/width", "duration_s", "width", ""];
        string[] operators = ["<", ">", "<=", ">=", "=", "==", "!=", "=<", "=>", " <", "> ", " >= ", ""];
        return [.. subjects.SelectMany(s => operators.Select(o => s + o)), " width_pixels>", "WIDTH_PIXELS>", "width_pixels>>"];
    }

    private static bool RuntimeAccepts(string rule) => ParsedMediaRule.TryParse(new MediaRule(rule, 1, null), out _);

    [Fact]
    public void The_runtime_parser_accepts_exactly_the_grammar_rules()
    {
        Candidates.Where(RuntimeAccepts).ShouldBe(MediaRuleGrammar.KnownRules, ignoreOrder: true);
        MediaRuleGrammar.KnownRules.ShouldAllBe(rule => RuntimeAccepts(rule));
        MediaRuleGrammar.KnownRules.Count.ShouldBe(16);
    }

    [Fact]
    public void The_generator_knows_exactly_the_rules_the_runtime_parses()
    {
        var path = typeof(MediaRuleGrammarTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "GeneratorAssembly").Value!;
        var context = new AssemblyLoadContext("generator", isCollectible: true);
        try
        {
            var generator = context.LoadFromAssemblyPath(path);
            var known = (ISet<string>)generator.GetType("RunComfy.SchemaClient.Generator.Parsing.MediaRules", throwOnError: true)!
                .GetField("Known", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;

            known.ShouldBe(Candidates.Where(RuntimeAccepts), ignoreOrder: true);
            known.ShouldContain("width_pixels>=", "the runtime checks it, so the generator must not call it unknown");
            Candidates.Where(c => !RuntimeAccepts(c)).ShouldAllBe(c => !known.Contains(c));
        }
        finally
        {
            context.Unload();
        }
    }
}
