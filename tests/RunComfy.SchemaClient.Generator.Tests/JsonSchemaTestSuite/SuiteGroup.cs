using System.Text.Json.Nodes;

namespace RunComfy.SchemaClient.Generator.Tests.JsonSchemaTestSuite;

/// <summary>One test group of the suite: a schema and the values tested against it.</summary>
public sealed record SuiteGroup(string File, string Description, JsonNode Schema, IReadOnlyList<SuiteCase> Cases);
