using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;

namespace RunComfy.SchemaClient.Tests.Catalog;

/// <summary>The catalog calls against the emulator serving the whole 121-schema catalog plus the bundled models.</summary>
public sealed class CatalogEmulatorTests : IAsyncLifetime
{
    private EmulatorServer _server = null!;

    public async Task InitializeAsync() => _server = await ClientEmulator.StartAsync(o => o.SchemasDirectory = CatalogSchemas.Directory);

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Listing_pages_through_the_whole_catalog()
    {
        using var client = ClientEmulator.Client(_server);

        var models = await client.ListModelsAsync(new ModelListOptions { PageSize = 17 }).ToListAsync();

        models.Count.ShouldBe(CatalogSchemas.ModelIds.Count + 2);
        models.Select(m => m.ModelId).ShouldBe(_server.ModelIds);
        models.ShouldAllBe(m => m.InputSchemaJson == null && m.DisplayName.Length > 0 && m.Kind != null && m.BasePriceUsd > 0);
    }

    [Fact]
    public async Task Filters_narrow_the_list_as_the_server_applies_them()
    {
        using var client = ClientEmulator.Client(_server);
        var ct = CancellationToken.None;

        var kling = await client.ListModelsAsync(new ModelListOptions { Search = "kling", Kind = "video", IncludeSchema = true }, ct).ToListAsync(ct);
        var edits = await client.ListModelsAsync(new ModelListOptions { Category = "edit" }, ct).ToListAsync(ct);

        kling.ShouldNotBeEmpty();
        kling.ShouldAllBe(m => m.ModelId.Contains("kling") && m.Kind == "video" && m.InputSchemaJson != null);
        edits.ShouldNotBeEmpty();
        edits.ShouldAllBe(m => m.Categories.Contains("edit"));
    }

    [Fact]
    public async Task Get_model_returns_the_schema_file_as_served()
    {
        using var client = ClientEmulator.Client(_server);
        var id = CatalogSchemas.ModelIds.First(i => i.StartsWith("kling/", StringComparison.Ordinal));

        var model = await client.GetModelAsync(id);

        model.ModelId.ShouldBe(id);
        var expected = System.Text.Json.Nodes.JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(CatalogSchemas.Directory, id + ".json")));
        System.Text.Json.Nodes.JsonNode.DeepEquals(System.Text.Json.Nodes.JsonNode.Parse(model.InputSchemaJson!), expected).ShouldBeTrue();
        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetModelAsync("nobody/nothing"));
        error.ErrorCode.ShouldBe("400001");
    }

    [Fact]
    public async Task Catalog_faults_are_retried()
    {
        _server.Options.Faults.Enqueue(EmulatorEndpoint.ListModels, FaultKind.ServiceUnavailable, count: 2);
        _server.Options.Faults.Enqueue(EmulatorEndpoint.GetModel, FaultKind.TooManyRequests);
        using var client = ClientEmulator.Client(_server);

        (await client.ListModelsAsync(new ModelListOptions { Search = "seedream" }).ToListAsync()).ShouldNotBeEmpty();
        (await client.GetModelAsync(_server.ModelIds[0])).InputSchemaJson.ShouldNotBeNull();
        _server.Options.Faults.PendingScriptedFaults.ShouldBe(0);
    }
}
