using System.Buffers;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RunComfy.Media.Wire;
using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Inputs;

/// <summary>Local content goes on the wire as a data URI with the sniffed type; the bytes must survive exactly.</summary>
public sealed class WireFormatTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<string, int> Writers => new()
    {
        { "default", 100 },
        { "relaxed", 100 },
        { "default", DataUriWriter.RawValueLimit / 4 * 3 + 3000 },
        { "relaxed", 3 * 1024 * 1024 + 1 },
    };

    private static (string Json, Utf8JsonWriter Writer) Write(string encoder, Action<Utf8JsonWriter> write)
    {
        var stream = new MemoryStream();
        var options = encoder == "relaxed" ? new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping } : default;
        using var writer = new Utf8JsonWriter(stream, options);
        writer.WriteStartObject();
        writer.WritePropertyName("image");
        write(writer);
        writer.WriteString("after", "ok");
        writer.WriteEndObject();
        writer.Flush();
        return (Encoding.UTF8.GetString(stream.ToArray()), writer);
    }

    private static string ReadImage(string json)
    {
        using var document = JsonDocument.Parse(json);
        document.RootElement.GetProperty("after").GetString().ShouldBe("ok");
        return document.RootElement.GetProperty("image").GetString()!;
    }

    private static byte[] Content(int size)
    {
        // Random bytes give every base64 character, '+' and '/' included.
        var content = new byte[size];
        new Random(size).NextBytes(content);
        TestImages.Jpeg(20, 20).AsSpan(0, Math.Min(20, size)).CopyTo(content);
        return content;
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Bytes_become_a_data_uri_with_the_sniffed_type(string encoder, int size)
    {
        var content = Content(size);

        var (json, _) = Write(encoder, writer => MediaInput.FromBytes(content).WriteTo(writer));

        var value = ReadImage(json);
        value.ShouldStartWith("data:image/jpeg;base64,");
        Convert.FromBase64String(value["data:image/jpeg;base64,".Length..]).AsSpan().SequenceEqual(content).ShouldBeTrue();
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public void Files_are_streamed_into_the_same_data_uri(string encoder, int size)
    {
        var content = Content(size);
        var path = _files.Write($"f{size}-{encoder}.bin", content);

        var (json, _) = Write(encoder, writer => MediaInput.FromFile(path).WriteTo(writer));

        var value = ReadImage(json);
        value.ShouldStartWith("data:image/jpeg;base64,");
        Convert.FromBase64String(value["data:image/jpeg;base64,".Length..]).AsSpan().SequenceEqual(content).ShouldBeTrue();
    }

    [Fact]
    public void The_default_encoder_gets_compact_base64_without_escapes()
    {
        var content = Content(30_000);

        var (json, _) = Write("default", writer => MediaInput.FromBytes(content).WriteTo(writer));

        json.ShouldNotContain("\\u002B");
        json.ShouldContain("+");
    }

    [Fact]
    public void Large_content_is_flushed_while_it_is_written()
    {
        var content = Content(DataUriWriter.RawValueLimit / 4 * 3 + 3000);
        var output = new ArrayBufferWriter<byte>();
        using var writer = new Utf8JsonWriter(output);

        writer.WriteStartArray();
        MediaInput.FromBytes(content).WriteTo(writer);

        writer.BytesCommitted.ShouldBeGreaterThan(DataUriWriter.RawValueLimit);
        writer.BytesPending.ShouldBeLessThan(DataUriWriter.FlushThreshold + 128 * 1024);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(48 * 1024)]
    [InlineData(48 * 1024 + 1)]
    public void Every_length_remainder_round_trips(int size)
    {
        var content = Content(size);
        var path = _files.Write($"r{size}.bin", content);

        foreach (var encoder in new[] { "default", "relaxed" })
        {
            foreach (var media in new[] { MediaInput.FromBytes(content), MediaInput.FromFile(path) })
            {
                var value = ReadImage(Write(encoder, media.WriteTo).Json);
                var comma = value.IndexOf(',');
                Convert.FromBase64String(value[(comma + 1)..]).AsSpan().SequenceEqual(content).ShouldBeTrue();
            }
        }
    }

    [Fact]
    public void Unrecognised_content_is_sent_as_octet_stream()
    {
        var value = ReadImage(Write("default", MediaInput.FromBytes(TestMedia.Text()).WriteTo).Json);

        value.ShouldStartWith("data:application/octet-stream;base64,");
    }

    [Theory]
    [InlineData(100)]
    [InlineData(2 * 1024 * 1024)]
    public void Urls_and_data_uri_strings_are_written_as_given(int payload)
    {
        var dataUri = "data:image/png;base64," + new string('A', payload / 4 * 4);

        ReadImage(Write("relaxed", MediaInput.FromUrl(dataUri).WriteTo).Json).ShouldBe(dataUri);
        ReadImage(Write("default", MediaInput.FromUrl("https://example.com/a.png?x=1&y=2").WriteTo).Json).ShouldBe("https://example.com/a.png?x=1&y=2");
    }

    [Fact]
    public void A_request_body_with_local_images_is_valid_json()
    {
        var request = new SequentialEditRequest
        {
            Images = [MediaInput.FromBytes(TestImages.Png(20, 20)), "https://example.com/b.png", MediaInput.FromBytes(TestImages.Gif(20, 20))],
        };

        var (json, _) = Write("default", request.WriteJson);

        using var document = JsonDocument.Parse(json);
        var images = document.RootElement.GetProperty("image").GetProperty("images").EnumerateArray().Select(e => e.GetString()!).ToList();
        images[0].ShouldStartWith("data:image/png;base64,iVBORw0KGgo");
        images[1].ShouldBe("https://example.com/b.png");
        images[2].ShouldStartWith("data:image/gif;base64,R0lGOD");
    }
}
