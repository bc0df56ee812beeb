using RunComfy.Emulator;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Tests.Emulator;

/// <summary>
/// Loading schemas never causes I/O: a schema whose <c>$ref</c>s (and <c>$id</c>/<c>$schema</c>) name a
/// loopback server in every position fails to load with a clear message, and the server sees no request.
/// References inside the schema itself still work.
/// </summary>
public sealed class EmulatorSchemaLoadingTests
{
    [Fact]
    public async Task A_schema_naming_urls_in_every_position_makes_no_request_and_fails_to_load_by_name()
    {
        using var server = new LoopbackRequestCounter();
        string url = server.BaseUrl;
        string schema = $$"""
            {
              "$schema": "{{url}}/schema", "$id": "{{url}}/id.json", "$ref": "{{url}}/root.json", "type": "object",
              "definitions": { "remote": { "$ref": "{{url}}/definitions.json" } },
              "allOf": [ { "$ref": "{{url}}/allof.json" } ],
              "properties": {
                "prompt": { "type": "string", "$ref": "{{url}}/property.json" },
                "tags": { "type": "array", "items": { "$ref": "{{url}}/items.json" } }
              }
            }
            """;

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() =>
            EmulatorServer.StartAsync(new EmulatorOptions { ExtraSchemas = { ["acme/refs"] = schema } }));

        server.Connections.ShouldBe(0);
        thrown.Message.ShouldStartWith("The input schema of model 'acme/refs' cannot be read: the schema names the external reference 'http://127.0.0.1:");
        thrown.Message.ShouldEndWith("the emulator never follows references to files or URLs");
    }

    [Theory]
    [InlineData("/property.json")]
    [InlineData("")]
    public async Task One_external_reference_anywhere_is_refused_without_a_request(string path)
    {
        using var server = new LoopbackRequestCounter();
        string target = path.Length == 0 ? "other.json" : server.BaseUrl + path;
        string schema = $$"""{ "type": "object", "properties": { "a": { "$ref": "{{target}}" } } }""";

        var thrown = await Should.ThrowAsync<InvalidOperationException>(() =>
            EmulatorServer.StartAsync(new EmulatorOptions { ExtraSchemas = { ["acme/one-ref"] = schema } }));

        server.Connections.ShouldBe(0);
        thrown.Message.ShouldStartWith("The input schema of model 'acme/one-ref' cannot be read:");
    }

    [Fact]
    public async Task A_reference_inside_the_schema_still_resolves_and_validates()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.ExtraSchemas["acme/local-ref"] = """
            {
              "type": "object",
              "definitions": { "positive": { "type": "integer", "minimum": 1 } },
              "properties": { "n": { "$ref": "#/definitions/positive" } }
            }
            """);

        using var accepted = await emulator.SubmitAsync("""{"n":2}""", "acme/local-ref");
        ((int)accepted.StatusCode).ShouldBe(200);
        using var refused = await emulator.SubmitAsync("""{"n":0}""", "acme/local-ref");
        ((int)refused.StatusCode).ShouldBe(422);
        var body = await EmulatorHarness.ReadJsonAsync(refused);
        body.GetProperty("detail")[0].GetProperty("type").GetString().ShouldBe("minimum");
    }

    [Theory]
    [InlineData("{ \"type\": \"object\", }", "line 1, column 19: a trailing comma before '}' is not JSON; remove the ','")]
    [InlineData("{\n  // note\n  \"type\": \"object\"\n}", "line 2, column 3: comments ('//') are not JSON; remove the comment")]
    [InlineData("[1]", "the schema is not a JSON object")]
    public async Task A_schema_that_is_not_strict_json_fails_to_load_in_plain_words(string schema, string problem)
    {
        var thrown = await Should.ThrowAsync<InvalidOperationException>(() =>
            EmulatorServer.StartAsync(new EmulatorOptions { ExtraSchemas = { ["acme/loose"] = schema } }));

        thrown.Message.ShouldStartWith("The input schema of model 'acme/loose' cannot be read: ");
        thrown.Message.ShouldEndWith(problem);
    }
}
