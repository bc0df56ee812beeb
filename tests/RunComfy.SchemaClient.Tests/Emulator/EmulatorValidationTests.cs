using System.Text.Json;
using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Tests.Emulator;

public sealed class EmulatorValidationTests
{
    private static async Task<(int Status, JsonElement Body)> SubmitAsync(EmulatorHarness emulator, object body, string model = EmulatorHarness.EditModel)
    {
        using var response = await emulator.SubmitAsync(JsonSerializer.Serialize(body), model);
        return ((int)response.StatusCode, await EmulatorHarness.ReadJsonAsync(response));
    }

    private static IReadOnlyList<(string Field, string Type)> Details(JsonElement body) =>
        body.GetProperty("detail").EnumerateArray()
            .Select(d => (d.GetProperty("field").GetString()!, d.GetProperty("type").GetString()!))
            .ToArray();

    [Fact]
    public async Task MaxLength_counts_code_points_so_600_emoji_pass_and_601_fail()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var emoji = "😀";
        emoji.Length.ShouldBe(2);

        var (status, _) = await SubmitAsync(emulator, new { prompt = string.Concat(Enumerable.Repeat(emoji, 600)), images = new[] { "https://example.com/a.png" } });
        status.ShouldBe(200);

        (status, var body) = await SubmitAsync(emulator, new { prompt = string.Concat(Enumerable.Repeat(emoji, 601)), images = new[] { "https://example.com/a.png" } });
        status.ShouldBe(422);
        Details(body).ShouldBe([("prompt", "maxLength")]);
        body.GetProperty("detail")[0].GetProperty("loc").EnumerateArray().Select(e => e.GetString()).ShouldBe(["body", "prompt"]);
        body.GetProperty("detail")[0].GetProperty("msg").GetString()!.ShouldContain("601");
    }

    [Fact]
    public async Task MinLength_counts_code_points_too()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
            o.ExtraSchemas["test/min-length/text"] = """{"type":"object","properties":{"code":{"type":"string","minLength":2.0,"maxLength":2.0}}}""");

        var (status, _) = await SubmitAsync(emulator, new { code = "🦊🦊" }, "test/min-length/text");
        status.ShouldBe(200);
        (status, var body) = await SubmitAsync(emulator, new { code = "🦊" }, "test/min-length/text");
        status.ShouldBe(422);
        Details(body).ShouldBe([("code", "minLength")]);
    }

    [Fact]
    public async Task One_image_is_accepted_and_zero_images_are_refused()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (status, _) = await SubmitAsync(emulator, new { prompt = "x", images = new[] { "https://example.com/a.png" } });
        status.ShouldBe(200);

        (status, var body) = await SubmitAsync(emulator, new { prompt = "x", images = Array.Empty<string>() });
        status.ShouldBe(422);
        Details(body).ShouldBe([("images", "minItems")]);
        emulator.Server.TotalSubmissions.ShouldBe(1);
        emulator.Server.Stats.ValidationFailures.ShouldBe(1);
    }

    [Fact]
    public async Task Every_error_is_listed_with_its_field()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var images = Enumerable.Repeat("https://example.com/a.png", 11).ToArray();

        var (status, body) = await SubmitAsync(emulator, new { images, resolution = "8K", extra = 1 }, EmulatorHarness.EditModel);
        status.ShouldBe(422);
        Details(body).ShouldBe([("prompt", "required"), ("images", "maxItems"), ("resolution", "enum"), ("extra", "additionalProperties")], ignoreOrder: true);
        body.TryGetProperty("error_code", out _).ShouldBeFalse();
        body.GetProperty("error_message").GetString()!.ShouldContain("resolution");
    }

    [Fact]
    public async Task Unknown_inputs_can_be_allowed()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.RejectUnknownInputs = false);
        var (status, _) = await SubmitAsync(emulator, new { prompt = "x", images = new[] { "https://example.com/a.png" }, negative_prompt = "not in this schema" });
        status.ShouldBe(200);
    }

    [Fact]
    public async Task Types_enums_and_ranges_are_checked_on_integer_enums()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var (status, body) = await SubmitAsync(emulator,
            new { images = new[] { "https://example.com/a.png" }, text = 5, sequential_image_generation_options = 16, seed = 1.5 },
            EmulatorHarness.SequentialModel);

        status.ShouldBe(422);
        Details(body).ShouldBe([("text", "type"), ("sequential_image_generation_options", "enum"), ("seed", "type")], ignoreOrder: true);
    }

    [Fact]
    public async Task A_body_that_is_not_a_json_object_is_refused()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        foreach (var text in new[] { "{not json", "[1,2]", "{} {}" })
        {
            using var response = await emulator.SubmitAsync(text);
            var body = await EmulatorHarness.ReadJsonAsync(response);
            ((int)response.StatusCode).ShouldBe(422);
            body.GetProperty("detail")[0].GetProperty("field").GetString().ShouldBe("body");
        }
    }

    [Fact]
    public async Task The_validation_status_and_code_are_selectable()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.Wire.ValidationStatusCode = 400;
            o.Wire.ValidationErrorCode = 400001;
        });
        var (status, body) = await SubmitAsync(emulator, new { prompt = "x" });
        status.ShouldBe(400);
        body.GetProperty("error_code").GetInt32().ShouldBe(400001);
        Details(body).ShouldBe([("images", "required")]);
    }

    [Fact]
    public async Task Media_rules_are_checked_on_a_data_uri_png()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (status, _) = await SubmitAsync(emulator, new { prompt = "x", images = new[] { TestImages.PngDataUri(15, 15) } });
        status.ShouldBe(200);

        (status, var body) = await SubmitAsync(emulator, new { prompt = "x", images = new[] { TestImages.PngDataUri(64, 64), TestImages.PngDataUri(14, 20) } });
        status.ShouldBe(422);
        Details(body).ShouldBe([("images[1]", "width_pixels>")]);
        body.GetProperty("detail")[0].GetProperty("msg").GetString()!.ShouldStartWith("The uploaded image width and height must exceed 14 pixels.");

        (status, body) = await SubmitAsync(emulator, new { prompt = "x", images = new[] { TestImages.PngDataUri(100, 20) } });
        status.ShouldBe(422);
        Details(body).ShouldBe([("images[0]", "width/height<")]);

        (status, body) = await SubmitAsync(emulator, new { prompt = "x", images = new[] { TestImages.PngDataUri(20, 100) } });
        status.ShouldBe(422);
        Details(body).ShouldBe([("images[0]", "width/height>")]);
    }

    [Fact]
    public async Task Upper_pixel_limits_and_jpeg_headers_are_read()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var jpeg = "data:image/jpeg;base64," + Convert.ToBase64String(TestImages.JpegHeader(6000, 3000));

        var (status, body) = await SubmitAsync(emulator, new { images = new[] { jpeg }, text = "x" }, EmulatorHarness.SequentialModel);
        status.ShouldBe(422);
        Details(body).ShouldBe([("images[0]", "width_pixels<")]);
    }

    [Fact]
    public async Task File_size_counts_bytes_against_value_times_one_million()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.ExtraSchemas["test/size/video"] = """
            {"type":"object","properties":{"video_url":{"type":"string","format":"video_uri",
             "validations":[{"validation_rule":"file_size_mb<","validation_value":"0.001","validation_error":"Too big."}]}}}
            """);
        string Uri(int size) => "data:video/mp4;base64," + Convert.ToBase64String(new byte[size]);

        var (status, _) = await SubmitAsync(emulator, new { video_url = Uri(999) }, "test/size/video");
        status.ShouldBe(200);
        (status, var body) = await SubmitAsync(emulator, new { video_url = Uri(1000) }, "test/size/video");
        status.ShouldBe(422);
        Details(body).ShouldBe([("video_url", "file_size_mb<")]);
        body.GetProperty("detail")[0].GetProperty("msg").GetString()!.ShouldStartWith("Too big.");
    }

    [Fact]
    public async Task Media_served_by_the_emulator_is_read_and_other_urls_are_skipped()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var small = emulator.Server.ServeFile("/media/small.png", TestImages.Png(10, 10), "image/png");
        var fine = emulator.Server.ServeFile("media/fine.png", TestImages.Png(40, 30), "image/png");

        var (status, body) = await SubmitAsync(emulator, new { prompt = "x", images = new[] { fine.ToString(), "https://example.com/unknown.png", small.ToString() } });
        status.ShouldBe(422);
        Details(body).ShouldBe([("images[2]", "width_pixels>"), ("images[2]", "height_pixels>")], ignoreOrder: true);

        (status, body) = await SubmitAsync(emulator, new { prompt = "x", images = new[] { new Uri(emulator.Server.BaseAddress, "media/missing.png").ToString() } });
        status.ShouldBe(422);
        Details(body).ShouldBe([("images[0]", "media")]);
    }

    [Fact]
    public async Task Unreadable_media_and_non_urls_are_refused()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (status, body) = await SubmitAsync(emulator, new { prompt = "x", images = new[] { "data:image/png;base64,bm90IGFuIGltYWdl", "data:image/png;base64,***", "C:\\cat.png" } });
        status.ShouldBe(422);
        Details(body).ShouldBe([("images[0]", "width/height>"), ("images[1]", "media"), ("images[2]", "format")]);
    }

    [Fact]
    public async Task Media_rules_can_be_switched_off()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.CheckMediaRules = false);
        var (status, _) = await SubmitAsync(emulator, new { prompt = "x", images = new[] { TestImages.PngDataUri(2, 2) } });
        status.ShouldBe(200);
    }

    [Fact]
    public async Task Published_schema_forms_float_and_default_null_are_understood()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.ExtraSchemas["test/published/text-to-image"] = """
            {"type":"object","title":"Input schema","required":["prompt"],"properties":{
              "prompt":{"title":"Prompt","type":"string"},
              "guidance_scale":{"type":"float","minimum":0,"maximum":20,"default":2.5},
              "seed":{"type":"integer","default":null}}}
            """);

        var (status, _) = await SubmitAsync(emulator, new { prompt = "x", guidance_scale = 2.5, seed = (int?)null }, "test/published/text-to-image");
        status.ShouldBe(200);
        (status, var body) = await SubmitAsync(emulator, new { prompt = "x", guidance_scale = 20.5 }, "test/published/text-to-image");
        status.ShouldBe(422);
        Details(body).ShouldBe([("guidance_scale", "maximum")]);
    }

    [Fact]
    public async Task A_property_named_like_a_keyword_is_an_input_not_a_rule()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.ExtraSchemas["test/keywords/text"] = """
            {"type":"object","required":["maxLength"],"properties":{"maxLength":{"type":"integer","maximum":3}}}
            """);
        var (status, body) = await SubmitAsync(emulator, new { maxLength = 4 }, "test/keywords/text");
        status.ShouldBe(422);
        Details(body).ShouldBe([("maxLength", "maximum")]);
    }
}
