using System.Buffers.Binary;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using RunComfy.Emulator;
using RunComfy.Emulator.Hosting;

namespace RunComfy.SchemaClient.Tests.Emulator;

/// <summary>
/// Inputs that once broke the emulator: header fields at the edge of their range (a BMP width of
/// <see cref="int.MinValue"/> overflowed <see cref="Math.Abs(int)"/> into a bare 500), text that is not well-formed
/// Unicode (accepted, where the client refuses it), and a request log that said 200 when a 500 went out.
/// </summary>
public sealed class EmulatorHostileInputTests
{
    private static byte[] Bmp(int width, int height, uint dibSize = 40)
    {
        var bmp = new byte[64];
        bmp[0] = (byte)'B';
        bmp[1] = (byte)'M';
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(2), bmp.Length);
        BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(10), 54);
        BinaryPrimitives.WriteUInt32LittleEndian(bmp.AsSpan(14), dibSize);
        if (dibSize == 12)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bmp.AsSpan(18), (ushort)width);
            BinaryPrimitives.WriteUInt16LittleEndian(bmp.AsSpan(20), (ushort)height);
        }
        else
        {
            BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(18), width);
            BinaryPrimitives.WriteInt32LittleEndian(bmp.AsSpan(22), height);
        }

        return bmp;
    }

    private static string BmpDataUri(int width, int height, uint dibSize = 40) => "data:image/bmp;base64," + Convert.ToBase64String(Bmp(width, height, dibSize));

    private static string SequentialBody(string image) => JsonSerializer.Serialize(new { text = "Generate 1 image.", images = new[] { image } });

    private static async Task<(int Status, JsonElement Body)> SubmitBytesAsync(EmulatorHarness emulator, byte[] body, string model = EmulatorHarness.EditModel)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await emulator.Http.PostAsync($"v1/models/{model}", content);
        return ((int)response.StatusCode, await EmulatorHarness.ReadJsonAsync(response));
    }

    private static IReadOnlyList<(string Field, string Type)> Details(JsonElement body) =>
        body.GetProperty("detail").EnumerateArray()
            .Select(d => (d.GetProperty("field").GetString()!, d.GetProperty("type").GetString()!))
            .ToArray();

    [Theory]
    [InlineData(int.MinValue, 100)]
    [InlineData(100, int.MinValue)]
    [InlineData(int.MinValue, int.MinValue)]
    public async Task A_bmp_size_of_int_MinValue_is_an_unreadable_image_not_a_crash(int width, int height)
    {
        var log = new StringWriter();
        await using var emulator = await EmulatorHarness.StartAsync(o => o.RequestLog = log);

        using var response = await emulator.SubmitAsync(SequentialBody(BmpDataUri(width, height)), EmulatorHarness.SequentialModel);
        var body = await EmulatorHarness.ReadJsonAsync(response);

        ((int)response.StatusCode).ShouldBe(422, body.ToString());
        // One error for the image, under the first pixel rule it cannot check.
        Details(body).ShouldBe([("images[0]", "width/height>")]);
        body.GetProperty("detail")[0].GetProperty("msg").GetString()!.ShouldContain("cannot be read");
        (await WaitForLogAsync(log, "-> 422")).ShouldBeTrue(log.ToString());
        log.ToString().ShouldNotContain("-> 500");
    }

    [Theory]
    [InlineData(7000, -2500, 40u)]
    [InlineData(-7000, 2500, 40u)]
    [InlineData(7000, 2500, 12u)]
    public async Task Bmp_sizes_are_read_with_top_down_rows_and_the_os2_header(int width, int height, uint dibSize)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        // 7000 px breaks "width_pixels< 6000": the message shows the size as read.
        using var response = await emulator.SubmitAsync(SequentialBody(BmpDataUri(width, height, dibSize)), EmulatorHarness.SequentialModel);
        var body = await EmulatorHarness.ReadJsonAsync(response);

        ((int)response.StatusCode).ShouldBe(422, body.ToString());
        Details(body).ShouldBe([("images[0]", "width_pixels<")]);
        body.GetProperty("detail")[0].GetProperty("msg").GetString()!.ShouldContain("7000x2500 pixels");
    }

    [Fact]
    public async Task A_tiny_bmp_is_measured_and_refused_by_the_pixel_rule()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        using var response = await emulator.SubmitAsync(SequentialBody(BmpDataUri(10, -10)), EmulatorHarness.SequentialModel);
        var body = await EmulatorHarness.ReadJsonAsync(response);

        ((int)response.StatusCode).ShouldBe(422, body.ToString());
        Details(body).ShouldContain(("images[0]", "width_pixels>"));
        body.GetProperty("detail").EnumerateArray().Select(d => d.GetProperty("msg").GetString()).ShouldContain(m => m!.Contains("10x10 pixels"));
    }

    [Theory]
    [InlineData("""{"prompt":"abc\ud800","images":["https://example.com/a.png"]}""", "prompt", "lone surrogate")]
    [InlineData("""{"prompt":"\udc00 trailing","images":["https://example.com/a.png"]}""", "prompt", "lone surrogate")]
    [InlineData("""{"prompt":"ok","images":["https://example.com/a.png","https://example.com/\ud83d.png"]}""", "images[1]", "lone surrogate")]
    public async Task A_lone_surrogate_escape_is_422_naming_the_field(string json, string field, string message)
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (status, body) = await SubmitBytesAsync(emulator, Encoding.UTF8.GetBytes(json));

        status.ShouldBe(422, body.ToString());
        Details(body).ShouldBe([(field, "type")]);
        body.GetProperty("detail")[0].GetProperty("msg").GetString()!.ShouldContain(message);
        emulator.Server.TotalSubmissions.ShouldBe(0);
    }

    [Fact]
    public async Task A_surrogate_pair_escape_is_well_formed_and_accepted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (status, body) = await SubmitBytesAsync(emulator, """{"prompt":"a fox \ud83e\udd8a","images":["https://example.com/a.png"]}"""u8.ToArray());

        status.ShouldBe(200, body.ToString());
    }

    [Fact]
    public async Task Bytes_that_are_not_utf8_are_422_naming_every_field_that_holds_them()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var json = new List<byte>();
        json.AddRange(Encoding.UTF8.GetBytes("{\"prompt\":\"caf"));
        json.AddRange(new byte[] { 0xC3, 0x28 });
        json.AddRange(Encoding.UTF8.GetBytes("\",\"images\":[\"https://example.com/"));
        json.Add(0xFF);
        json.AddRange(Encoding.UTF8.GetBytes(".png\"]}"));

        var (status, body) = await SubmitBytesAsync(emulator, json.ToArray());

        status.ShouldBe(422, body.ToString());
        Details(body).ShouldBe([("prompt", "type"), ("images[0]", "type")]);
        body.GetProperty("detail")[0].GetProperty("msg").GetString()!.ShouldContain("not valid UTF-8");
        body.GetProperty("detail")[0].GetProperty("loc").EnumerateArray().Select(e => e.GetString()).ShouldBe(["body", "prompt"]);
    }

    [Fact]
    public async Task A_property_name_with_a_lone_surrogate_is_named_by_its_object()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (status, body) = await SubmitBytesAsync(emulator, """{"prompt":"x","images":["https://example.com/a.png"],"\ud800":1}"""u8.ToArray());

        status.ShouldBe(422, body.ToString());
        Details(body).ShouldBe([("body", "type")]);
        body.GetProperty("detail")[0].GetProperty("msg").GetString()!.ShouldStartWith("A property name");
    }

    [Fact]
    public async Task A_byte_order_mark_before_the_body_is_still_accepted()
    {
        await using var emulator = await EmulatorHarness.StartAsync();

        var (status, body) = await SubmitBytesAsync(emulator, [0xEF, 0xBB, 0xBF, .. """{"prompt":"x","images":["https://example.com/a.png"]}"""u8.ToArray()]);

        status.ShouldBe(200, body.ToString());
    }

    [Fact]
    public async Task The_request_log_records_the_500_that_went_out_when_a_handler_throws()
    {
        var log = new StringWriter();
        var middleware = new RequestLogMiddleware(new EmulatorOptions { RequestLog = log });
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Path = "/v1/models/x";
        context.Response.StatusCode = 200;

        await Should.ThrowAsync<OverflowException>(() => middleware.InvokeAsync(context, () => throw new OverflowException()));

        log.ToString().ShouldContain("POST /v1/models/x -> 500 (unhandled error)");
        log.ToString().ShouldNotContain("-> 200");
    }

    [Fact]
    public async Task The_request_log_records_the_status_of_answered_requests()
    {
        var log = new StringWriter();
        await using var emulator = await EmulatorHarness.StartAsync(o => o.RequestLog = log);

        await emulator.SubmitOkAsync();
        using var invalid = await emulator.SubmitAsync("""{"prompt":"x","images":[]}""");

        (await WaitForLogAsync(log, "-> 200")).ShouldBeTrue(log.ToString());
        (await WaitForLogAsync(log, "-> 422")).ShouldBeTrue(log.ToString());
    }

    /// <summary>The log line is written once the handler has returned, which can be just after the client has its answer.</summary>
    private static async Task<bool> WaitForLogAsync(StringWriter log, string text)
    {
        for (var attempt = 0; attempt < 100; attempt++)
        {
            lock (log)
            {
                if (log.ToString().Contains(text, StringComparison.Ordinal))
                {
                    return true;
                }
            }

            await Task.Delay(50);
        }

        return false;
    }
}
