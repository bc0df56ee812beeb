using System.Text.Json;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;
using RunComfy.SchemaClient.Tests.Hostile;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>
/// <c>models show --json</c> of a model whose schema a hostile server wrote: <c>default</c>, <c>enum</c> and
/// <c>input_schema</c> are written again value by value, never as the server's text: one valid JSON document, no
/// escape sequence, control character or direction override in it (raw or escaped), texts cut like other server
/// text, numbers digit for digit.
/// </summary>
public sealed class HostileModelJsonTests : IAsyncDisposable
{
    private const string Evil = "acme/evil/text-to-image";
    private const char Csi8Bit = '\u009b';
    private const char RightToLeftOverride = '\u202e';

    private readonly CliHarness _cli = new();
    private readonly HostileServer _server = HostileServer.Start();

    public HostileModelJsonTests()
    {
        // Raw in the answer: the 8-bit CSI and the direction override are valid unescaped in a JSON string.
        var answer = $$$"""
            {"model_id":"{{{Evil}}}","display_name":"Evil","input_schema":{"type":"object","required":["prompt"],"properties":{
              "prompt":{"type":"string","default":"a\u001b]0;owned\u0007b{{{Csi8Bit}}}31mc{{{RightToLeftOverride}}}d","enum":["x\u001b[2Jy","{{{RightToLeftOverride}}}gnp.exe","a\u001b]0;owned\u0007b{{{Csi8Bit}}}31mc{{{RightToLeftOverride}}}d"]},
              "scale":{"type":"number","default":0.10,"enum":[0.10,1e2,12345678901234567890]},
              "notes":{"type":"string","default":"{{{new string('z', 3000)}}}"},
              "na\u001b[31mme":{"type":"string","description":"{{{RightToLeftOverride}}}evil"}
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
    public async Task Default_enum_and_input_schema_are_written_again_clean()
    {
        var run = await _cli.RunAsync("models", "show", Evil, "--json", "--base-address", _server.BaseAddress.ToString(), "--token", "t");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.Where(c => char.IsControl(c) && c is not '\n' and not '\r').ShouldBeEmpty(run.Out);
        run.Out.ShouldNotContain(RightToLeftOverride.ToString());
        run.Out.ShouldNotContain("\\u001B", Case.Insensitive);
        run.Out.ShouldNotContain("\\u009B", Case.Insensitive);
        run.Out.ShouldNotContain("\\u202E", Case.Insensitive);

        using var document = JsonDocument.Parse(run.Out);
        var root = document.RootElement;
        Strings(root).SelectMany(s => s).Where(c => char.IsControl(c) || c == RightToLeftOverride).ShouldBeEmpty();

        var parameters = root.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        var prompt = parameters["prompt"];
        prompt.GetProperty("default").GetString().ShouldBe("abcd");
        prompt.GetProperty("enum").EnumerateArray().Select(e => e.GetString()).ShouldBe(["xy", "gnp.exe", "abcd"]);

        var scale = parameters["scale"];
        scale.GetProperty("default").GetDouble().ShouldBe(0.1);
        scale.GetProperty("enum").EnumerateArray().Select(e => e.GetDouble()).ShouldBe([0.1, 100, 12345678901234567890d]);

        // Cut like every other server text (500 characters and an ellipsis), in the parameters and the schema.
        parameters["notes"].GetProperty("default").GetString()!.Length.ShouldBeLessThanOrEqualTo(501);
        var schema = root.GetProperty("input_schema");
        var properties = schema.GetProperty("properties");
        properties.GetProperty("notes").GetProperty("default").GetString()!.Length.ShouldBeLessThanOrEqualTo(501);
        properties.GetProperty("prompt").GetProperty("default").GetString().ShouldBe("abcd");
        properties.GetProperty("name").GetProperty("description").GetString().ShouldBe("evil");
        // The schema's numbers digit for digit, as the server wrote them.
        properties.GetProperty("scale").GetProperty("default").GetRawText().ShouldBe("0.10");
        properties.GetProperty("scale").GetProperty("enum").EnumerateArray().Select(e => e.GetRawText()).ShouldBe(["0.10", "1e2", "12345678901234567890"]);
        schema.GetProperty("required")[0].GetString().ShouldBe("prompt");
    }

    [Fact]
    public async Task The_text_output_of_the_same_model_is_clean_too()
    {
        var run = await _cli.RunAsync("models", "show", Evil, "--base-address", _server.BaseAddress.ToString(), "--token", "t");

        run.ExitCode.ShouldBe(0, run.ToString());
        (run.Out + run.Error).Where(c => (char.IsControl(c) && c is not '\n' and not '\r') || c == RightToLeftOverride).ShouldBeEmpty(run.ToString());
    }

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value).Prepend(p.Name)),
        _ => [],
    };
}
