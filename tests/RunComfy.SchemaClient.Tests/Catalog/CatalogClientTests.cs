using System.Net.Http;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Catalog;

/// <summary>The catalog calls over a scripted handler: paging, filters, lenient reading, retries, errors, redaction.</summary>
public sealed class CatalogClientTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();

    private static string Model(string id, string extra = "") =>
        $$"""{"model_id":"{{id}}","display_name":"Name of {{id}}","categories":["text-to-image"],"kind":"image","base_price_usd":0.03,"price_unit":"per_image","required_inputs":["prompt"],"model_url":"https://www.runcomfy.com/models/{{id}}"{{extra}}}""";

    private static string Page(int total, params string[] ids) => $$"""{"models":[{{string.Join(",", ids.Select(id => Model(id)))}}],"total":{{total}}}""";

    [Fact]
    public async Task Listing_reads_every_page_with_the_filters_in_the_query()
    {
        _handler.Catalog.Ok(Page(5, "a/1", "a/2")).Ok(Page(5, "a/3", "a/4")).Ok(Page(5, "a/5"));
        using var client = TestClient.Create(_handler, _time);

        var models = await client.ListModelsAsync(new ModelListOptions { Search = "a b&c", Category = "text-to-image", Kind = "image", PageSize = 2 }).ToListAsync();

        models.Select(m => m.ModelId).ShouldBe(["a/1", "a/2", "a/3", "a/4", "a/5"]);
        var uris = _handler.Requests.Select(r => r.Uri.PathAndQuery).ToList();
        uris.ShouldBe([
            "/v1/models?limit=2&offset=0&search=a%20b%26c&category=text-to-image&kind=image",
            "/v1/models?limit=2&offset=2&search=a%20b%26c&category=text-to-image&kind=image",
            "/v1/models?limit=2&offset=4&search=a%20b%26c&category=text-to-image&kind=image",
        ]);
        _handler.Requests.ShouldAllBe(r => r.Method == HttpMethod.Get && r.Authorization == "Bearer " + TestClient.Token);
    }

    [Fact]
    public async Task A_model_in_a_list_carries_its_facts()
    {
        _handler.Catalog.Ok(Page(1, "bytedance/seedream-4-0/edit"));
        using var client = TestClient.Create(_handler, _time);

        var model = (await client.ListModelsAsync().ToListAsync()).ShouldHaveSingleItem();

        model.ModelId.ShouldBe("bytedance/seedream-4-0/edit");
        model.DisplayName.ShouldBe("Name of bytedance/seedream-4-0/edit");
        model.Categories.ShouldBe(["text-to-image"]);
        model.Kind.ShouldBe("image");
        model.BasePriceUsd.ShouldBe(0.03m);
        model.PriceUnit.ShouldBe("per_image");
        model.RequiredInputs.ShouldBe(["prompt"]);
        model.ModelUrl.ShouldBe(new Uri("https://www.runcomfy.com/models/bytedance/seedream-4-0/edit"));
        model.InputSchemaJson.ShouldBeNull();
    }

    [Fact]
    public async Task Without_a_total_paging_stops_at_a_short_page_and_a_repeating_server_cannot_loop()
    {
        _handler.Catalog.Ok("""{"models":[{"model_id":"x/1"},{"model_id":"x/2"}]}""").Ok("""{"models":[{"model_id":"x/3"}]}""");
        using var client = TestClient.Create(_handler, _time);
        (await client.ListModelsAsync(new ModelListOptions { PageSize = 2 }).ToListAsync()).Select(m => m.ModelId).ShouldBe(["x/1", "x/2", "x/3"]);
        _handler.Catalog.Calls.ShouldBe(2);

        var repeating = new FakeHttpHandler();
        repeating.Catalog.Ok("""{"models":[{"model_id":"y/1"},{"model_id":"y/2"}],"total":1000000}""");
        using var looping = TestClient.Create(repeating, _time);
        (await looping.ListModelsAsync(new ModelListOptions { PageSize = 2 }).ToListAsync()).Count.ShouldBe(2);
        repeating.Catalog.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task Get_model_returns_the_facts_and_the_input_schema_as_sent()
    {
        const string Schema = """{"type":"object","required":["prompt"],"properties":{"prompt":{"type":"string","maxLength":600}}}""";
        _handler.Catalog.Ok(Model("kling/kling-3.0/pro/text-to-video", $",\"input_schema\":{Schema}"));
        using var client = TestClient.Create(_handler, _time);

        var model = await client.GetModelAsync("kling/kling-3.0/pro/text-to-video");

        model.InputSchemaJson.ShouldBe(Schema);
        model.RequiredInputs.ShouldBe(["prompt"]);
        _handler.Requests.ShouldHaveSingleItem().Uri.PathAndQuery.ShouldBe("/v1/models/kling/kling-3.0/pro/text-to-video");
    }

    [Fact]
    public async Task Get_model_accepts_a_schema_sent_as_a_string_and_required_inputs_from_the_schema()
    {
        _handler.Catalog.Ok("""{"input_schema":"{\"type\":\"object\",\"required\":[\"image\"],\"properties\":{\"image\":{\"type\":\"string\"}}}"}""");
        using var client = TestClient.Create(_handler, _time);

        var model = await client.GetModelAsync("acme/tool");

        model.ModelId.ShouldBe("acme/tool");
        model.DisplayName.ShouldBe("acme/tool");
        model.RequiredInputs.ShouldBe(["image"]);
        model.InputSchemaJson.ShouldNotBeNull().ShouldContain("\"image\"");
    }

    [Fact]
    public async Task Get_model_keeps_the_id_asked_for_and_refuses_an_answer_without_a_schema()
    {
        _handler.Catalog.Ok(Model("other/model", ""","input_schema":{"type":"object"}""")).Ok(Model("acme/tool"));
        using var client = TestClient.Create(_handler, _time);

        (await client.GetModelAsync("acme/tool")).ModelId.ShouldBe("acme/tool");
        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetModelAsync("acme/tool"));
        error.Message.ShouldContain("no input_schema");
    }

    [Theory]
    [InlineData("../etc/passwd")]
    [InlineData("/abs/path")]
    [InlineData("a/b?c=d")]
    [InlineData("a//b")]
    public async Task Get_model_refuses_an_id_that_is_not_one_before_sending(string id)
    {
        using var client = TestClient.Create(_handler, _time);
        await Should.ThrowAsync<ArgumentException>(() => client.GetModelAsync(id));
        _handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Catalog_calls_are_retried_like_status_calls()
    {
        _handler.Catalog
            .Json(429, Wire.Error(429001, "slow down"), r => r.Headers.Add("Retry-After", "2"))
            .Json(503, """{"message":"busy"}""")
            .Throw(Network.ResetMidway)
            .Ok(Page(1, "a/1"));
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 5);

        (await client.ListModelsAsync().ToListAsync()).ShouldHaveSingleItem();

        _handler.Catalog.Calls.ShouldBe(4);
        _time.Delays[0].ShouldBe(TimeSpan.FromSeconds(2));
    }

    [Fact]
    public async Task An_unknown_model_is_a_typed_error_and_the_token_a_server_echoes_is_redacted()
    {
        _handler.Catalog.Json(400, Wire.Error(400001, $"no model for token {TestClient.Token}"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.GetModelAsync("nobody/nothing"));

        error.ErrorCode.ShouldBe("400001");
        error.Message.ShouldContain("check the model id");
        error.Message.ShouldNotContain(TestClient.Token);
        error.ServerMessage.ShouldNotBeNull().ShouldNotContain(TestClient.Token);
        _handler.Catalog.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Server_texts_in_models_are_redacted_too()
    {
        _handler.Catalog.Ok($$$"""{"models":[{"model_id":"a/1","display_name":"leak {{{TestClient.Token}}}","input_schema":{"description":"{{{TestClient.Token}}}"}}],"total":1}""");
        using var client = TestClient.Create(_handler, _time);

        var model = (await client.ListModelsAsync(new ModelListOptions { IncludeSchema = true }).ToListAsync()).ShouldHaveSingleItem();

        model.DisplayName.ShouldBe("leak ***");
        model.InputSchemaJson.ShouldNotBeNull().ShouldNotContain(TestClient.Token);
        _handler.Requests.ShouldHaveSingleItem().Uri.Query.ShouldContain("include_schema=true");
    }

    [Fact]
    public async Task Cancelling_stops_the_listing_and_bad_options_are_refused()
    {
        _handler.Catalog.Ok(Page(4, "a/1", "a/2"));
        using var client = TestClient.Create(_handler, _time);
        using var cancel = new CancellationTokenSource();

        await Should.ThrowAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in client.ListModelsAsync(new ModelListOptions { PageSize = 2 }, cancel.Token))
            {
                await cancel.CancelAsync();
            }
        });
        _handler.Catalog.Calls.ShouldBe(1);

        await Should.ThrowAsync<ArgumentOutOfRangeException>(async () => await client.ListModelsAsync(new ModelListOptions { PageSize = 0 }).ToListAsync());
    }

    [Fact]
    public async Task A_mock_that_overrides_the_page_call_gets_the_paging_of_ListModelsAsync()
    {
        var mock = new PagedMock();

        var models = await mock.ListModelsAsync(new ModelListOptions { PageSize = 2 }).ToListAsync();

        models.Select(m => m.ModelId).ShouldBe(["m/0", "m/1", "m/2"]);
        mock.Offsets.ShouldBe([0, 2]);
    }

    private sealed class PagedMock : RunComfyClient
    {
        public List<int> Offsets { get; } = [];

        public override Task<ModelPage> GetModelsPageAsync(ModelListOptions? options = null, int offset = 0, CancellationToken cancellationToken = default)
        {
            Offsets.Add(offset);
            var models = Enumerable.Range(offset, Math.Min(2, 3 - offset)).Select(i => new CatalogModel { ModelId = $"m/{i}", DisplayName = $"M {i}" }).ToArray();
            return Task.FromResult(new ModelPage { Models = models, Total = 3, Offset = offset, NextOffset = offset + models.Length < 3 ? offset + models.Length : null });
        }
    }

    [Fact]
    public async Task A_very_short_token_does_not_corrupt_catalog_text()
    {
        _handler.Catalog.Ok("""{"model_id":"a/1","display_name":"Text To Image","input_schema":{"type":"object","title":"Title"}}""");
        using var client = new RunComfyClient("T", new HttpClient(_handler), new RunComfyClientOptions { BaseAddress = new Uri(Wire.Base), TimeProvider = _time }, null, _ => null);

        var model = await client.GetModelAsync("a/1");

        model.DisplayName.ShouldBe("Text To Image");
        model.InputSchemaJson.ShouldBe("""{"type":"object","title":"Title"}""");
    }
}
