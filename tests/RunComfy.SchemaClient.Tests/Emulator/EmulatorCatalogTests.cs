using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Tests.Emulator;

public sealed class EmulatorCatalogTests
{
    private static Task<EmulatorHarness> StartWithVideoAndAudioAsync() => EmulatorHarness.StartAsync(o =>
    {
        o.ExtraSchemas["acme/clip-1/text-to-video"] = """{"type":"object","required":["prompt"],"properties":{"prompt":{"type":"string"}}}""";
        o.ExtraSchemas["acme/song-1/text-to-audio"] = """{"type":"object","properties":{"lyrics":{"type":"string"}}}""";
    });

    [Fact]
    public async Task The_bundled_schemas_are_served_by_default()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.ModelIds.ShouldBe([EmulatorHarness.EditModel, EmulatorHarness.SequentialModel]);

        var (status, body) = await emulator.GetAsync("v1/models");
        status.ShouldBe(200);
        body.GetProperty("total").GetInt32().ShouldBe(2);
        var first = body.GetProperty("models")[0];
        first.GetProperty("model_id").GetString().ShouldBe(EmulatorHarness.EditModel);
        first.GetProperty("kind").GetString().ShouldBe("image");
        first.GetProperty("display_name").GetString().ShouldNotBeNullOrEmpty();
        first.GetProperty("categories").GetArrayLength().ShouldBe(1);
        first.GetProperty("base_price_usd").GetDecimal().ShouldBeGreaterThan(0);
        first.GetProperty("price_unit").GetString().ShouldNotBeNullOrEmpty();
        first.GetProperty("required_inputs").EnumerateArray().Select(e => e.GetString()).ShouldBe(["prompt", "images"]);
        first.GetProperty("model_url").GetString().ShouldNotBeNullOrEmpty();
        first.TryGetProperty("input_schema", out _).ShouldBeFalse();
    }

    [Fact]
    public async Task One_model_comes_with_its_input_schema_as_loaded()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var (status, body) = await emulator.GetAsync($"v1/models/{EmulatorHarness.SequentialModel}");

        status.ShouldBe(200);
        body.GetProperty("model_id").GetString().ShouldBe(EmulatorHarness.SequentialModel);
        var schema = body.GetProperty("input_schema");
        schema.GetProperty("properties").GetProperty("images").GetProperty("validations").GetArrayLength().ShouldBe(7);
        schema.GetProperty("properties").GetProperty("text").GetProperty("maxLength").GetInt32().ShouldBe(600);

        var (missing, error) = await emulator.GetAsync("v1/models/bytedance/nothing");
        missing.ShouldBe(400);
        error.GetProperty("error_code").GetInt32().ShouldBe(400001);
    }

    [Fact]
    public async Task The_list_pages_searches_and_filters()
    {
        await using var emulator = await StartWithVideoAndAudioAsync();

        var (_, all) = await emulator.GetAsync("v1/models?limit=2&offset=1");
        all.GetProperty("total").GetInt32().ShouldBe(4);
        all.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model_id").GetString())
            .ShouldBe(["acme/song-1/text-to-audio", EmulatorHarness.EditModel]);

        var (_, search) = await emulator.GetAsync("v1/models?search=SEQUENTIAL");
        search.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model_id").GetString()).ShouldBe([EmulatorHarness.SequentialModel]);

        var (_, videos) = await emulator.GetAsync("v1/models?kind=video&include_schema=true");
        videos.GetProperty("total").GetInt32().ShouldBe(1);
        videos.GetProperty("models")[0].GetProperty("input_schema").GetProperty("required")[0].GetString().ShouldBe("prompt");

        var (_, category) = await emulator.GetAsync("v1/models?category=text-to-audio");
        category.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("kind").GetString()).ShouldBe(["audio"]);

        var (_, none) = await emulator.GetAsync("v1/models?search=zzz");
        none.GetProperty("total").GetInt32().ShouldBe(0);
        none.GetProperty("models").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task A_schemas_directory_replaces_the_bundled_one()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-schemas-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "owner", "family"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "owner", "family", "text-to-image.json"),
                """{"type":"object","properties":{"prompt":{"type":"string"}}}""");
            await using var emulator = await EmulatorHarness.StartAsync(o => o.SchemasDirectory = directory.FullName);
            emulator.Server.ModelIds.ShouldBe(["owner/family/text-to-image"]);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task A_schemas_directory_that_does_not_exist_fails_at_start()
    {
        var options = new EmulatorOptions { SchemasDirectory = Path.Combine(Path.GetTempPath(), "no-such-emulator-schemas-" + Guid.NewGuid()) };
        await Should.ThrowAsync<DirectoryNotFoundException>(() => EmulatorServer.StartAsync(options));
    }

    [Fact]
    public async Task A_broken_schema_fails_at_start()
    {
        var options = new EmulatorOptions();
        options.ExtraSchemas["broken/model"] = "{ not json";
        var error = await Should.ThrowAsync<InvalidOperationException>(() => EmulatorServer.StartAsync(options));
        error.Message.ShouldContain("broken/model");
    }
}
