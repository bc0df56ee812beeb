using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Tests.Emulator;

public sealed class EmulatorOutputTests
{
    private static async Task<string> CompletedOutputUrlAsync(EmulatorHarness emulator, string key, string model = EmulatorHarness.EditModel, string? body = null)
    {
        var id = await emulator.SubmitOkAsync(body, model);
        emulator.Clock.Advance(TimeSpan.FromSeconds(3));
        var (_, result) = await emulator.ResultAsync(id);
        return result.GetProperty("output").GetProperty(key).GetString()!;
    }

    [Fact]
    public async Task The_output_image_is_a_valid_png()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => { o.OutputImageWidth = 33; o.OutputImageHeight = 17; });
        var url = await CompletedOutputUrlAsync(emulator, "image");

        using var response = await emulator.Http.GetAsync(url);
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        var png = await response.Content.ReadAsByteArrayAsync();

        png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        var chunks = ReadChunks(png);
        chunks.Select(c => c.Type).ShouldBe(["IHDR", "IDAT", "IEND"]);
        var header = chunks[0].Data;
        BinaryPrimitives.ReadInt32BigEndian(header).ShouldBe(33);
        BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(4)).ShouldBe(17);
        header[8].ShouldBe((byte)8);
        header[9].ShouldBe((byte)2);

        using var inflated = new MemoryStream();
        using (var zlib = new ZLibStream(new MemoryStream(chunks[1].Data), CompressionMode.Decompress)) zlib.CopyTo(inflated);
        inflated.Length.ShouldBe(17 * (1 + 33 * 3));
    }

    [Fact]
    public async Task Files_answer_head_and_ranges_without_a_token()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var url = await CompletedOutputUrlAsync(emulator, "image");
        using var anonymous = emulator.NewClient(null);
        var full = await anonymous.GetByteArrayAsync(url);

        using var head = await anonymous.SendAsync(new HttpRequestMessage(HttpMethod.Head, url));
        head.StatusCode.ShouldBe(HttpStatusCode.OK);
        head.Content.Headers.ContentLength.ShouldBe(full.Length);
        head.Headers.AcceptRanges.ShouldContain("bytes");
        (await head.Content.ReadAsByteArrayAsync()).Length.ShouldBe(0);

        using var partial = new HttpRequestMessage(HttpMethod.Get, url);
        partial.Headers.Range = new RangeHeaderValue(8, 15);
        using var ranged = await anonymous.SendAsync(partial);
        ranged.StatusCode.ShouldBe(HttpStatusCode.PartialContent);
        ranged.Content.Headers.ContentRange!.Length.ShouldBe(full.Length);
        (await ranged.Content.ReadAsByteArrayAsync()).ShouldBe(full[8..16]);
    }

    [Fact]
    public async Task Served_files_are_available_at_their_path()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var content = TestImages.Png(20, 20);
        var url = emulator.Server.ServeFile("/inputs/a b.png", content, "image/png");

        url.ShouldBe(new Uri(emulator.Server.BaseAddress, "inputs/a%20b.png"));
        using var response = await emulator.Http.GetAsync(url);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("image/png");
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(content);
        emulator.Server.Stats.GetCalls(EmulatorEndpoint.File).ShouldBe(1);

        using var missing = await emulator.Http.GetAsync("inputs/nothing.png");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_file_fault_can_truncate_a_download()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var url = emulator.Server.ServeFile("/big.bin", new byte[256 * 1024], "application/octet-stream");
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.File, FaultKind.MalformedJson);

        await Should.ThrowAsync<HttpRequestException>(() => emulator.Http.GetByteArrayAsync(url));
        (await emulator.Http.GetByteArrayAsync(url)).Length.ShouldBe(256 * 1024);
    }

    [Fact]
    public async Task Several_images_are_listed_as_images()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.OutputImageCount = 3);
        var id = await emulator.SubmitOkAsync();
        emulator.Clock.Advance(TimeSpan.FromSeconds(3));

        var (_, result) = await emulator.ResultAsync(id, includeCost: true);
        var output = result.GetProperty("output");
        output.TryGetProperty("image", out _).ShouldBeFalse();
        var urls = output.GetProperty("images").EnumerateArray().Select(e => e.GetString()!).ToArray();
        urls.Length.ShouldBe(3);
        urls.Distinct().Count().ShouldBe(3);
        result.GetProperty("cost").GetDecimal().ShouldBe(0.09m);
        foreach (var url in urls) (await emulator.Http.GetByteArrayAsync(url))[1].ShouldBe((byte)'P');
    }

    [Fact]
    public async Task Video_and_audio_models_answer_video_and_audio_files()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.ExtraSchemas["acme/clip-1/image-to-video"] = """{"type":"object","properties":{"prompt":{"type":"string"}}}""";
            o.ExtraSchemas["acme/song-1/text-to-audio"] = """{"type":"object","properties":{"prompt":{"type":"string"}}}""";
        });

        var video = await CompletedOutputUrlAsync(emulator, "video", "acme/clip-1/image-to-video", """{"prompt":"a"}""");
        using (var response = await emulator.Http.GetAsync(video))
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("video/mp4");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            System.Text.Encoding.ASCII.GetString(bytes, 4, 4).ShouldBe("ftyp");
        }

        var audio = await CompletedOutputUrlAsync(emulator, "audio", "acme/song-1/text-to-audio", """{"prompt":"b"}""");
        using (var response = await emulator.Http.GetAsync(audio))
        {
            response.Content.Headers.ContentType!.MediaType.ShouldBe("audio/wav");
            var bytes = await response.Content.ReadAsByteArrayAsync();
            System.Text.Encoding.ASCII.GetString(bytes, 0, 4).ShouldBe("RIFF");
            System.Text.Encoding.ASCII.GetString(bytes, 8, 4).ShouldBe("WAVE");
        }
    }

    private static List<(string Type, byte[] Data)> ReadChunks(byte[] png)
    {
        var chunks = new List<(string, byte[])>();
        var offset = 8;
        while (offset < png.Length)
        {
            var length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            var typeAndData = png.AsSpan(offset + 4, 4 + length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            crc.ShouldBe(TestImages.Crc32(typeAndData));
            chunks.Add((System.Text.Encoding.ASCII.GetString(typeAndData[..4]), typeAndData[4..].ToArray()));
            offset += 12 + length;
        }
        offset.ShouldBe(png.Length);
        return chunks;
    }
}
