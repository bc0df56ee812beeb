using System.Text.Json;
using System.Text.Json.Nodes;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

/// <summary>
/// The schema workflow on an emulator serving RunComfy's whole catalog, as a user meets it: pull schemas into a
/// project's folder, then check them after RunComfy (the emulator) changed one.
/// </summary>
public sealed class SchemasCommandTests : IAsyncLifetime, IDisposable
{
    private const string Token = "schemas-test-token";
    private const string Kling = "kling/kling-3.0/pro/text-to-video";
    private const string Flux = "blackforestlabs/flux-2/flash/text-to-image";

    private static readonly string CatalogDirectory = Path.Combine(RepositoryFiles.Root, "tests", "RunComfy.SchemaClient.Generator.Tests", "Fixtures", "catalog");

    private readonly CliHarness _cli = new();
    private EmulatorServer _emulator = null!;

    public async Task InitializeAsync()
    {
        var options = new EmulatorOptions { Token = Token, SchemasDirectory = CatalogDirectory };
        _emulator = await EmulatorServer.StartAsync(options);
    }

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    public void Dispose() => _cli.Dispose();

    private Task<CliRun> RunAsync(params string[] args) =>
        _cli.RunAsync([.. args, "--base-address", _emulator.BaseAddress.ToString(), "--token", Token]);

    private string Project(params string[] parts) => _cli.Combine(["consumer", .. parts]);

    [Fact]
    public async Task Pull_writes_each_schema_as_served_where_the_generator_reads_it()
    {
        var run = await RunAsync("schemas", "pull", Kling, Flux, "--dir", Project("schemas"));

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain($"✓ {Kling} -> ");
        foreach (var id in new[] { Kling, Flux })
        {
            var written = JsonNode.Parse(await File.ReadAllTextAsync(Project(["schemas", .. id.Split('/')]) + ".json"));
            var original = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CatalogDirectory, id + ".json")));
            JsonNode.DeepEquals(written, original).ShouldBeTrue(id);
        }

        // The published form keeps what RunComfy sends ("type": "float", "default": null), for the generator to read.
        (await File.ReadAllTextAsync(Project("schemas", "blackforestlabs", "flux-2", "flash", "text-to-image.json"))).ShouldContain("\"float\"");
        Directory.EnumerateFiles(Project("schemas"), "*.tmp-*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Fact]
    public async Task Pull_refuses_every_bad_id_before_fetching_anything()
    {
        var run = await RunAsync("schemas", "pull", "../escape", "ok/model", "/abs/path", "--dir", Project("schemas"));

        run.ExitCode.ShouldBe(64, run.ToString());
        run.Error.ShouldContain("'../escape' is not a model id");
        run.Error.ShouldContain("'/abs/path' is not a model id");
        Directory.Exists(Project("schemas")).ShouldBeFalse();
        File.Exists(_cli.Combine("escape.json")).ShouldBeFalse();
        _emulator.Stats.GetCalls(EmulatorEndpoint.GetModel).ShouldBe(0);
    }

    [Fact]
    public async Task Pull_of_a_model_RunComfy_does_not_know_reports_it_and_writes_the_others()
    {
        var run = await RunAsync("schemas", "pull", "nobody/nothing", Kling, "--dir", Project("schemas"));

        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("nobody/nothing: RunComfy does not know this model (400001)");
        File.Exists(Project(["schemas", .. Kling.Split('/')]) + ".json").ShouldBeTrue();
        File.Exists(Project("schemas", "nobody", "nothing.json")).ShouldBeFalse();
    }

    [Fact]
    public async Task Check_is_0_in_sync_10_after_compatible_drift_and_11_after_breaking_drift()
    {
        (await RunAsync("schemas", "pull", Kling, Flux, "--dir", Project("schemas"))).ExitCode.ShouldBe(0);

        var inSync = await RunAsync("schemas", "check", "--dir", Project("schemas"));
        inSync.ExitCode.ShouldBe(0, inSync.ToString());
        inSync.Out.ShouldContain($"✓ {Kling}: in sync");

        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CatalogDirectory, Kling + ".json")))!.AsObject();
        schema["properties"]!.AsObject()["style"] = new JsonObject { ["type"] = "string" };
        _emulator.SetModelSchema(Kling, schema.ToJsonString());
        var compatible = await RunAsync("schemas", "check", "--dir", Project("schemas"));
        compatible.ExitCode.ShouldBe(10, compatible.ToString());
        compatible.Out.ShouldContain($"~ {Kling}: compatible changes");
        compatible.Out.ShouldContain("new optional property 'style'");
        compatible.Out.ShouldContain($"✓ {Flux}: in sync");

        // RunComfy makes an input required and drops an enum value: code built on the pulled schema breaks.
        var enumProperty = schema["properties"]!.AsObject().First(p => p.Value?["enum"] is JsonArray { Count: > 1 });
        var removedValue = enumProperty.Value!["enum"]!.AsArray()[^1]!.ToJsonString();
        enumProperty.Value!["enum"]!.AsArray().RemoveAt(enumProperty.Value!["enum"]!.AsArray().Count - 1);
        schema["required"] = new JsonArray([.. schema["required"]?.AsArray().Select(n => n?.DeepClone()) ?? [], JsonValue.Create("style")]);
        _emulator.SetModelSchema(Kling, schema.ToJsonString());

        var breaking = await RunAsync("schemas", "check", "--dir", Project("schemas"));
        breaking.ExitCode.ShouldBe(11, breaking.ToString());
        breaking.Out.ShouldContain($"✗ {Kling}: breaking changes");
        breaking.Out.ShouldContain("new required property 'style'");
        breaking.Out.ShouldContain($"value {removedValue} of '{enumProperty.Key}' was removed");

        var json = await RunAsync("schemas", "check", "--dir", Project("schemas"), "--json");
        json.ExitCode.ShouldBe(11);
        using var document = JsonDocument.Parse(json.Out);
        document.RootElement.GetProperty("exit_code").GetInt32().ShouldBe(11);
        var kling = document.RootElement.GetProperty("models").EnumerateArray().Single(m => m.GetProperty("model_id").GetString() == Kling);
        kling.GetProperty("status").GetString().ShouldBe("breaking");
        kling.GetProperty("changes").EnumerateArray().Select(c => c.GetProperty("kind").GetString())
            .ShouldBe(["enum_value_removed", "property_added"], ignoreOrder: true);
    }

    [Fact]
    public async Task Check_reports_a_model_RunComfy_removed_and_a_local_file_that_is_not_a_schema()
    {
        (await RunAsync("schemas", "pull", Kling, Flux, "--dir", Project("schemas"))).ExitCode.ShouldBe(0);
        _emulator.RemoveModel(Flux).ShouldBeTrue();
        var removed = await RunAsync("schemas", "check", "--dir", Project("schemas"));
        removed.ExitCode.ShouldBe(11, removed.ToString());
        removed.Out.ShouldContain($"✗ {Flux}: breaking changes");
        removed.Out.ShouldContain("RunComfy no longer serves this model (400001)");

        Directory.CreateDirectory(Project("schemas", "acme"));
        await File.WriteAllTextAsync(Project("schemas", "acme", "broken.json"), "{ not json");
        var broken = await RunAsync("schemas", "check", "--dir", Project("schemas"));
        broken.Out.ShouldContain("? acme/broken: not checked");
        broken.ExitCode.ShouldBe(11);
    }

    [Fact]
    public async Task Server_text_in_a_drift_report_is_sanitised()
    {
        (await RunAsync("schemas", "pull", Kling, "--dir", Project("schemas"))).ExitCode.ShouldBe(0);
        var schema = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CatalogDirectory, Kling + ".json")))!.AsObject();
        schema["properties"]!.AsObject()["evil\u001b[2J\u001b]0;pwned\u0007"] = new JsonObject { ["type"] = "string" };
        _emulator.SetModelSchema(Kling, schema.ToJsonString());

        var run = await RunAsync("schemas", "check", "--dir", Project("schemas"));

        run.ExitCode.ShouldBe(10, run.ToString());
        run.Out.ShouldContain("new optional property 'evil'"); // both escape sequences removed whole
        run.Out.ShouldNotContain("\u001b");
        run.Out.ShouldNotContain("\u0007");
    }

    [Fact]
    public async Task Check_of_a_missing_folder_exits_66()
    {
        var run = await RunAsync("schemas", "check", "--dir", Project("nothing-here"));
        run.ExitCode.ShouldBe(66, run.ToString());
        run.Error.ShouldContain("does not exist");
    }
}
