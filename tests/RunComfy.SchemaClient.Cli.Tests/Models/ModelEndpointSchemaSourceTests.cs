using System.Net;
using System.Text;
using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Models;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Models;

/// <summary>The stand-in for the runtime's catalog call: <c>GET /v1/models/{id}</c> as WIRE.md gives it.</summary>
public sealed class ModelEndpointSchemaSourceTests
{
    private const string Schema = """{"properties":{"prompt":{"type":"string"}}}""";

    [Fact]
    public async Task Reads_input_schema_with_the_token_from_the_model_path()
    {
        var stub = new StubHandler(_ => Json(HttpStatusCode.OK, $$"""{"model_id":"acme/model/v1","display_name":"Model","input_schema":{{Schema}},"required_inputs":["prompt"]}"""));

        var schema = await GetAsync(stub, "secret-token");

        schema.ShouldBe(Schema);
        var request = stub.Requests.ShouldHaveSingleItem();
        request.Method.ShouldBe(HttpMethod.Get);
        request.RequestUri!.AbsolutePath.ShouldBe("/v1/models/acme/model/v1");
        request.Headers.Authorization!.ToString().ShouldBe("Bearer secret-token");
    }

    [Fact]
    public async Task An_input_schema_sent_as_a_json_string_is_read_too()
    {
        var escaped = System.Text.Json.JsonSerializer.Serialize(Schema);
        (await GetAsync(new StubHandler(_ => Json(HttpStatusCode.OK, $$"""{"input_schema":{{escaped}}}""")), null)).ShouldBe(Schema);
    }

    [Theory]
    [InlineData(HttpStatusCode.NotFound, ExitCodes.BadInput)]
    [InlineData(HttpStatusCode.BadRequest, ExitCodes.BadInput)]
    [InlineData(HttpStatusCode.Unauthorized, ExitCodes.NoPermission)]
    [InlineData(HttpStatusCode.BadGateway, ExitCodes.TryLater)]
    public async Task A_refusal_maps_to_an_exit_code_without_echoing_the_server(HttpStatusCode status, int exitCode)
    {
        var stub = new StubHandler(_ => Json(status, """{"error":"\u001b[31mhostile text"}"""));

        var error = await Should.ThrowAsync<CliException>(() => GetAsync(stub, "secret-token"));

        error.ExitCode.ShouldBe(exitCode);
        error.Message.ShouldNotContain("hostile");
        error.Message.ShouldNotContain("secret-token");
    }

    [Fact]
    public async Task An_answer_without_input_schema_is_an_error()
    {
        var error = await Should.ThrowAsync<CliException>(() => GetAsync(new StubHandler(_ => Json(HttpStatusCode.OK, """{"model_id":"x"}""")), null));
        error.ExitCode.ShouldBe(ExitCodes.Unavailable);
    }

    private static async Task<string> GetAsync(StubHandler stub, string? token)
    {
        await using var session = new ClientSession(new RunComfyClient("t", new RunComfyClientOptions { BaseAddress = new Uri("https://api.example.com/") }), new Uri("https://api.example.com/"), emulator: null);
        return await new ModelEndpointSchemaSource(token, () => stub).GetInputSchemaAsync(session, "acme/model/v1", CancellationToken.None);
    }

    private static HttpResponseMessage Json(HttpStatusCode status, string body) =>
        new(status) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
}
