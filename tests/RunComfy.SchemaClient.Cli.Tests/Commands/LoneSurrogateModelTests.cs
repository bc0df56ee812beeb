using System.Text.Json;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;
using RunComfy.SchemaClient.Tests.Hostile;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>
/// <c>models show</c> of a model whose schema holds lone surrogate escapes (<c>"\ud800"</c>): valid JSON that no .NET
/// string can hold. The model is shown without parameters (no reader can give them), never an error.
/// </summary>
public sealed class LoneSurrogateModelTests : IAsyncDisposable
{
    private const string Model = "acme/odd/text-to-image";

    private readonly CliHarness _cli = new();
    private readonly HostileServer _server = HostileServer.Start();

    public LoneSurrogateModelTests()
    {
        var answer = $$"""
            {"model_id":"{{Model}}","display_name":"Odd","input_schema":{"type":"object","properties":{
              "prompt":{"type":"string","description":"a\ud800b","default":"\udc00","enum":["\udc00","x"]}
            } } }
            """;
        _server.On("GET", "/v1/models/*").Answer(HostileAnswer.Json(200, answer));
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        _cli.Dispose();
    }

    [Fact]
    public async Task Json_output_shows_the_escapes_as_text()
    {
        var run = await _cli.RunAsync("models", "show", Model, "--json", "--base-address", _server.BaseAddress.ToString(), "--token", "t");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var prompt = document.RootElement.GetProperty("input_schema").GetProperty("properties").GetProperty("prompt");
        prompt.GetProperty("description").GetString().ShouldBe("a\\ud800b");
        prompt.GetProperty("default").GetString().ShouldBe("\\udc00");
    }

    [Fact]
    public async Task Text_output_shows_the_model()
    {
        var run = await _cli.RunAsync("models", "show", Model, "--base-address", _server.BaseAddress.ToString(), "--token", "t");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain(Model);
        run.Out.ShouldContain("Odd");
    }
}
