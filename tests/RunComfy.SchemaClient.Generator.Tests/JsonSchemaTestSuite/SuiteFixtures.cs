using System.Text.Json.Nodes;

namespace RunComfy.SchemaClient.Generator.Tests.JsonSchemaTestSuite;

/// <summary>The draft 2020-12 files copied from the JSON-Schema-Test-Suite (see the README beside them).</summary>
public static class SuiteFixtures
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "Fixtures", "json-schema-test-suite", "draft2020-12");

    /// <summary>Every group of every copied file, in file then suite order.</summary>
    public static IReadOnlyList<SuiteGroup> Groups { get; } = Load();

    private static List<SuiteGroup> Load()
    {
        var groups = new List<SuiteGroup>();
        foreach (string path in Directory.EnumerateFiles(Root, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string file = Path.GetRelativePath(Root, path).Replace('\\', '/');
            foreach (JsonNode? group in JsonNode.Parse(File.ReadAllText(path))!.AsArray())
            {
                string description = (string)group!["description"]!;
                var cases = group["tests"]!.AsArray()
                    .Select(test => new SuiteCase(file, description, (string)test!["description"]!, test["data"]?.DeepClone(), (bool)test["valid"]!))
                    .ToList();
                groups.Add(new SuiteGroup(file, description, group["schema"]!.DeepClone(), cases));
            }
        }

        return groups;
    }
}
