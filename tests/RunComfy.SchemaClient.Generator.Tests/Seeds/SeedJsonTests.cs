using System.Buffers;
using System.Text;
using System.Text.Json;
using RunComfy.Models.Bytedance;
using RunComfy.Metadata;

namespace RunComfy.SchemaClient.Generator.Tests.Seeds;

/// <summary>What goes on the wire for the bundled seed models, and reading it back.</summary>
public sealed class SeedJsonTests
{
    [Fact]
    public void Unset_optional_parameters_are_left_out_so_the_server_default_applies()
    {
        var request = new Seedream40EditRequest { Prompt = "A cat", Images = ["https://example.com/cat.png"] };

        request.ToJson().ShouldBe("""{"prompt":"A cat","images":["https://example.com/cat.png"]}""");
    }

    [Fact]
    public void Every_parameter_is_written_with_its_exact_json_value()
    {
        var request = new Seedream40EditSequentialRequest
        {
            Images = ["https://example.com/a.png", new Uri("https://example.com/b.jpg")],
            Text = "Generate 4 images of a lighthouse",
            SequentialImageGenerationOptions = Seedream40EditSequentialImageGenerationOptions.Value4,
            ImageSize = Seedream40EditSequentialImageSize._2560_1440_16_9,
            Seed = 4294967295,
            OptimizePromptOptions = Seedream40EditSequentialOptimizePromptOptions.Standard,
            SequentialImageGeneration = "auto",
        };

        request.ToJson().ShouldBe(
            """{"images":["https://example.com/a.png","https://example.com/b.jpg"],"text":"Generate 4 images of a lighthouse","sequential_image_generation_options":4,"image_size":"2560:1440 (16:9)","seed":4294967295,"optimize_prompt_options":"standard","sequential_image_generation":"auto"}""");
    }

    [Fact]
    public void Non_ascii_text_stays_readable_and_quotes_are_escaped()
    {
        var request = new Seedream40EditRequest { Prompt = "Un gatto \"felice\" è qui 😀", Images = ["https://example.com/cat.png"], Resolution = Seedream40EditResolution._2K };

        // System.Text.Json always escapes characters outside the Basic Multilingual Plane (the emoji).
        request.ToJson().ShouldBe("""{"prompt":"Un gatto \"felice\" è qui \uD83D\uDE00","images":["https://example.com/cat.png"],"resolution":"2K"}""");
    }

    [Fact]
    public void Indented_json_is_available_for_logs()
    {
        var request = new Seedream40EditRequest { Prompt = "A cat", Images = ["https://example.com/cat.png"] };

        request.ToJson(indented: true).ReplaceLineEndings("\n").ShouldBe("{\n  \"prompt\": \"A cat\",\n  \"images\": [\n    \"https://example.com/cat.png\"\n  ]\n}");
    }

    [Fact]
    public void WriteJson_writes_the_same_body_as_ToJson()
    {
        var request = new Seedream40EditRequest { Prompt = "A cat", Images = ["https://example.com/cat.png"], Resolution = Seedream40EditResolution._4K };
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, RequestJsonWriter.Options))
        {
            request.WriteJson(writer);
        }

        Encoding.UTF8.GetString(buffer.WrittenSpan).ShouldBe(request.ToJson());
    }

    [Theory]
    [InlineData("""{"prompt":"A cat","images":["https://example.com/cat.png"]}""")]
    [InlineData("""{"prompt":"A cat","images":["https://example.com/a.png","data:image/png;base64,iVBORw0KGgo="],"resolution":"2048x2048 (1:1)"}""")]
    public void Reading_and_writing_back_gives_the_same_json(string json)
    {
        Seedream40EditRequest request = Seedream40EditRequest.FromJson(json);

        request.ToJson().ShouldBe(json);
        request.Validate().IsValid.ShouldBeTrue();
    }

    [Fact]
    public void Every_resolution_round_trips_through_json()
    {
        foreach (Seedream40EditResolution value in Seedream40EditResolutionValues.All)
        {
            var request = new Seedream40EditRequest { Prompt = "p", Images = ["https://example.com/cat.png"], Resolution = value };
            string json = request.ToJson();
            json.ShouldContain($"\"resolution\":\"{value.ToJsonValue()}\"");
            Seedream40EditRequest.FromJson(json).Resolution.ShouldBe(value);
        }
    }

    [Fact]
    public void Every_sequential_option_round_trips_through_json_as_an_integer()
    {
        foreach (var value in Seedream40EditSequentialImageGenerationOptionsValues.All)
        {
            var request = new Seedream40EditSequentialRequest { Text = "t", Images = ["https://example.com/cat.png"], SequentialImageGenerationOptions = value };
            string json = request.ToJson();
            json.ShouldContain($"\"sequential_image_generation_options\":{value.ToJsonValue()}}}");
            Seedream40EditSequentialRequest.FromJson(json).SequentialImageGenerationOptions.ShouldBe(value);
        }
    }

    [Fact]
    public void An_integral_number_with_a_fraction_part_reads_as_an_integer()
    {
        Seedream40EditSequentialRequest.FromJson("""{"text":"t","images":["https://example.com/cat.png"],"seed":42.0}""").Seed.ShouldBe(42);
    }

    [Fact]
    public void Null_for_an_optional_parameter_means_not_set()
    {
        Seedream40EditRequest.FromJson("""{"prompt":"A cat","images":["https://example.com/cat.png"],"resolution":null}""").Resolution.ShouldBeNull();
    }

    [Fact]
    public void Every_problem_in_the_json_is_reported_in_one_exception()
    {
        var error = Should.Throw<RequestJsonException>(() => Seedream40EditRequest.FromJson(
            """{"prompt":5,"resolution":"8K","images":["https://example.com/a.png",7],"strength":0.5}"""));

        error.ModelId.ShouldBe("bytedance/seedream-4-0/edit");
        error.Errors.Select(e => (e.Path, e.Rule, e.Message)).ShouldBe(
        [
            ("prompt", "type", "must be a string, not a number."),
            ("resolution", "enum", "\"8K\" is not one of the allowed values."),
            ("images[1]", "type", "must be a string, not a number."),
            ("strength", "unknown", "is not a parameter of 'bytedance/seedream-4-0/edit'."),
        ]);
        error.Message.ShouldContain("strength: is not a parameter of 'bytedance/seedream-4-0/edit'. (unknown)");
    }

    [Fact]
    public void Missing_required_parameters_are_reported()
    {
        var error = Should.Throw<RequestJsonException>(() => Seedream40EditRequest.FromJson("""{"resolution":"1K"}"""));

        error.Errors.Select(e => (e.Path, e.Rule)).ShouldBe([("prompt", "required"), ("images", "required")]);
    }

    [Fact]
    public void An_integer_enum_value_outside_the_list_is_reported()
    {
        var error = Should.Throw<RequestJsonException>(() => Seedream40EditSequentialRequest.FromJson(
            """{"text":"t","images":["https://example.com/cat.png"],"sequential_image_generation_options":16,"seed":"7"}"""));

        error.Errors.Select(e => (e.Path, e.Rule)).ShouldBe([("sequential_image_generation_options", "enum"), ("seed", "type")]);
    }

    [Theory]
    [InlineData("not json", "json")]
    [InlineData("[1,2]", "type")]
    public void Text_that_is_not_a_json_object_is_reported(string json, string rule)
    {
        var error = Should.Throw<RequestJsonException>(() => Seedream40EditRequest.FromJson(json));

        error.Errors.ShouldHaveSingleItem().Rule.ShouldBe(rule);
    }

    [Fact]
    public void The_catalog_parser_reads_the_same_request()
    {
        IRunComfyRequest request = ModelCatalog.Get("bytedance/seedream-4-0/edit").Parse("""{"prompt":"A cat","images":["https://example.com/cat.png"]}""");

        request.ShouldBeOfType<Seedream40EditRequest>().Prompt.ShouldBe("A cat");
        request.ModelId.ShouldBe("bytedance/seedream-4-0/edit");
    }
}
