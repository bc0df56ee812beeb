using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Catalog;

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
    public async Task A_schemas_directory_is_served_with_the_bundled_models_and_wins_on_the_same_id()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-schemas-");
        try
        {
            Directory.CreateDirectory(Path.Combine(directory.FullName, "owner", "family"));
            Directory.CreateDirectory(Path.Combine(directory.FullName, "bytedance", "seedream-4-0"));
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "owner", "family", "text-to-image.json"),
                """{"type":"object","properties":{"prompt":{"type":"string"}}}""");
            await File.WriteAllTextAsync(Path.Combine(directory.FullName, "bytedance", "seedream-4-0", "edit.json"),
                """{"type":"object","required":["prompt"],"properties":{"prompt":{"type":"string","maxLength":5}}}""");
            await using var emulator = await EmulatorHarness.StartAsync(o => o.SchemasDirectory = directory.FullName);

            emulator.Server.ModelIds.ShouldBe([EmulatorHarness.EditModel, EmulatorHarness.SequentialModel, "owner/family/text-to-image"]);
            var (_, edit) = await emulator.GetAsync($"v1/models/{EmulatorHarness.EditModel}");
            edit.GetProperty("input_schema").GetProperty("properties").GetProperty("prompt").GetProperty("maxLength").GetInt32().ShouldBe(5);
            using var tooLong = await emulator.SubmitAsync("""{"prompt":"far too long"}""");
            ((int)tooLong.StatusCode).ShouldBe(422);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task The_whole_catalog_can_be_served_pages_and_all()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.SchemasDirectory = CatalogSchemas.Directory);

        emulator.Server.ModelIds.Count.ShouldBe(CatalogSchemas.ModelIds.Count + 2);
        var seen = new List<string>();
        for (var offset = 0; ; offset += 50)
        {
            var (status, page) = await emulator.GetAsync($"v1/models?limit=50&offset={offset}");
            status.ShouldBe(200);
            page.GetProperty("total").GetInt32().ShouldBe(CatalogSchemas.ModelIds.Count + 2);
            var ids = page.GetProperty("models").EnumerateArray().Select(m => m.GetProperty("model_id").GetString()!).ToArray();
            if (ids.Length == 0) break;
            seen.AddRange(ids);
        }

        seen.ShouldBe([.. CatalogSchemas.ModelIds.Append(EmulatorHarness.EditModel).Append(EmulatorHarness.SequentialModel).Order(StringComparer.Ordinal)]);
        var (_, kling) = await emulator.GetAsync("v1/models?search=kling&kind=video");
        kling.GetProperty("total").GetInt32().ShouldBeGreaterThan(0);
        kling.GetProperty("models").EnumerateArray().ShouldAllBe(m => m.GetProperty("model_id").GetString()!.Contains("kling"));
    }

    [Fact]
    public async Task A_schema_changed_at_run_time_is_served_and_enforced_at_once()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Server.SetModelSchema(EmulatorHarness.EditModel,
            """{"type":"object","required":["prompt","images","seed"],"properties":{"prompt":{"type":"string"},"images":{"type":"array","items":{"type":"string","format":"image_uri"}},"seed":{"type":"integer"}}}""");

        var (_, model) = await emulator.GetAsync($"v1/models/{EmulatorHarness.EditModel}");
        model.GetProperty("required_inputs").EnumerateArray().Select(e => e.GetString()).ShouldBe(["prompt", "images", "seed"]);
        using var withoutSeed = await emulator.SubmitAsync(EmulatorHarness.EditBody());
        ((int)withoutSeed.StatusCode).ShouldBe(422);

        Should.Throw<InvalidOperationException>(() => emulator.Server.SetModelSchema(EmulatorHarness.EditModel, "{ broken"));
        (await emulator.GetAsync($"v1/models/{EmulatorHarness.EditModel}")).Body.GetProperty("required_inputs").GetArrayLength().ShouldBe(3);

        emulator.Server.RemoveModel(EmulatorHarness.EditModel).ShouldBeTrue();
        (await emulator.GetAsync($"v1/models/{EmulatorHarness.EditModel}")).Status.ShouldBe(400);
    }

    [Fact]
    public async Task An_edited_schema_file_is_reloaded_when_asked_to_watch_the_folder()
    {
        var directory = Directory.CreateTempSubdirectory("emulator-watch-");
        try
        {
            var file = Path.Combine(directory.FullName, "acme", "pic", "text-to-image.json");
            Directory.CreateDirectory(Path.GetDirectoryName(file)!);
            await File.WriteAllTextAsync(file, """{"type":"object","properties":{"prompt":{"type":"string"}}}""");
            await using var emulator = await EmulatorHarness.StartAsync(o =>
            {
                o.SchemasDirectory = directory.FullName;
                o.ReloadSchemasOnChange = true;
            });

            await File.WriteAllTextAsync(file, """{"type":"object","required":["prompt"],"properties":{"prompt":{"type":"string"}}}""");
            await WaitForRequiredCountAsync(emulator, "v1/models/acme/pic/text-to-image", 1);

            // A broken file changes nothing: the last good set stays served.
            await File.WriteAllTextAsync(file, "{ broken");
            await Task.Delay(600);
            (await emulator.GetAsync("v1/models/acme/pic/text-to-image")).Body.GetProperty("required_inputs").GetArrayLength().ShouldBe(1);
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

    private static async Task WaitForRequiredCountAsync(EmulatorHarness emulator, string path, int count)
    {
        // Bounded: the watcher reloads within a quarter second of the write; 30 s is only a safety net.
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while ((await emulator.GetAsync(path)).Body.GetProperty("required_inputs").GetArrayLength() != count)
        {
            DateTime.UtcNow.ShouldBeLessThan(deadline, "the edited schema was not served");
            await Task.Delay(50);
        }
    }
}
