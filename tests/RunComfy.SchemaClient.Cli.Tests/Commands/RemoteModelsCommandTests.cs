using System.Text.Json;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary><c>models --remote</c> and <c>models show</c> of models that are not compiled in, against the emulator serving the catalog.</summary>
public sealed class RemoteModelsCommandTests : IAsyncLifetime, IDisposable
{
    private const string Token = "remote-models-token";
    private const string Kling = "kling/kling-3.0/pro/text-to-video";

    private readonly CliHarness _cli = new();
    private EmulatorServer _emulator = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions
        {
            Token = Token,
            SchemasDirectory = Path.Combine(RepositoryFiles.Root, "tests", "RunComfy.SchemaClient.Generator.Tests", "Fixtures", "catalog"),
        };
        _emulator = await EmulatorServer.StartAsync(options);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    private Task<CliRun> RunAsync(params string[] args) =>
        _cli.RunAsync([.. args, "--base-address", _emulator.BaseAddress.ToString(), "--token", Token]);

    [Fact]
    public async Task Remote_lists_the_whole_catalog_as_a_table()
    {
        var run = await RunAsync("models", "--remote");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain(Kling);
        run.Out.ShouldContain("bytedance/seedream-4-0/edit");
        run.Out.ShouldContain($"{_emulator.ModelIds.Count} models.");
    }

    [Fact]
    public async Task Remote_search_and_category_filter_and_json_carries_the_facts()
    {
        var run = await RunAsync("models", "--remote", "--search", "kling", "--category", "text-to-video", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var models = document.RootElement.GetProperty("models").EnumerateArray().ToList();
        models.ShouldNotBeEmpty();
        models.ShouldAllBe(m => m.GetProperty("model_id").GetString()!.Contains("kling") && m.GetProperty("categories")[0].GetString() == "text-to-video");
        var kling = models.Single(m => m.GetProperty("model_id").GetString() == Kling);
        kling.GetProperty("kind").GetString().ShouldBe("video");
        kling.GetProperty("base_price_usd").GetDecimal().ShouldBeGreaterThan(0);
        kling.GetProperty("required_inputs").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task Filters_without_remote_are_a_usage_error()
    {
        var run = await _cli.RunAsync("models", "--search", "kling");
        run.ExitCode.ShouldBe(64, run.ToString());
        run.Error.ShouldContain("add --remote");
    }

    [Fact]
    public async Task Show_of_a_model_not_compiled_in_gives_its_facts_and_parameters_from_the_catalog()
    {
        var run = await RunAsync("models", "show", Kling);

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("from RunComfy's catalog; not compiled in");
        run.Out.ShouldContain("Kind:       video");
        run.Out.ShouldContain("prompt");
        run.Out.ShouldContain("duration");
        run.Out.ShouldContain($"comfy-schema schemas pull {Kling}");
        run.Out.ShouldContain($"Run it: comfy-schema run {Kling} --input prompt=...");
    }

    [Fact]
    public async Task Show_json_of_a_remote_model_has_its_parameters_and_schema()
    {
        var run = await RunAsync("models", "show", Kling, "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        document.RootElement.GetProperty("compiled").GetBoolean().ShouldBeFalse();
        var parameters = document.RootElement.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        parameters["prompt"].GetProperty("required").GetBoolean().ShouldBeTrue();
        parameters["duration"].GetProperty("maximum").GetDouble().ShouldBe(15);
        document.RootElement.GetProperty("input_schema").GetProperty("type").GetString().ShouldBe("object");
    }

    [Fact]
    public async Task Show_of_a_compiled_model_needs_no_token_and_an_unknown_one_exits_65()
    {
        var compiled = await _cli.RunAsync("models", "show", "bytedance/seedream-4-0/edit");
        compiled.ExitCode.ShouldBe(0, compiled.ToString());

        var unknown = await RunAsync("models", "show", "nobody/nothing");
        unknown.ExitCode.ShouldBe(65, unknown.ToString());
        unknown.Error.ShouldContain("Unknown model 'nobody/nothing': not in the catalog of");
        unknown.Error.ShouldContain("not compiled into this CLI (compiled: ");
    }

    [Fact]
    public async Task Server_text_of_a_remote_model_is_sanitised()
    {
        _emulator.SetModelSchema("acme/evil/text-to-image",
            """{"type":"object","properties":{"prompt":{"type":"string","description":"hi\u001b[2J\u001b]0;owned\u0007 there"}}}""");

        var run = await RunAsync("models", "show", "acme/evil/text-to-image");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldNotContain("\u001b");
        run.Out.ShouldNotContain("\u0007");
        run.Out.ShouldContain("hi there"); // both escape sequences removed whole, as for every server string
    }
}
