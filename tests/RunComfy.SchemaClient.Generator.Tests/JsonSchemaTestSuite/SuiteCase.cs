using System.Text.Json.Nodes;

namespace RunComfy.SchemaClient.Generator.Tests.JsonSchemaTestSuite;

/// <summary>One test of the JSON-Schema-Test-Suite: a value, and whether the group's schema accepts it.</summary>
/// <param name="File">The suite file, relative to <c>draft2020-12</c> (<c>minLength.json</c>).</param>
/// <param name="Group">The description of the test group (one schema).</param>
/// <param name="Description">The description of the test.</param>
/// <param name="Data">The value to validate.</param>
/// <param name="Valid">The suite's verdict.</param>
public sealed record SuiteCase(string File, string Group, string Description, JsonNode? Data, bool Valid)
{
    /// <summary>A readable, unique name: <c>minLength.json / minLength validation / too short is invalid</c>.</summary>
    public string Id => $"{File} / {Group} / {Description}";
}
