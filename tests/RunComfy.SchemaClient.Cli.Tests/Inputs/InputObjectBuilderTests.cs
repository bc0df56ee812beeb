using System.Text.Json.Nodes;
using RunComfy.Cli.Inputs;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Inputs;

public sealed class InputObjectBuilderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    // A hand-made model with one parameter of every kind, so typing is tested without the generator.
    private static readonly ModelInfo Model = new(
        "test/every-kind",
        typeof(object),
        [
            new ModelParameter { Name = "prompt", PropertyName = "Prompt", Type = "string", Required = true },
            new ModelParameter { Name = "steps", PropertyName = "Steps", Type = "integer" },
            new ModelParameter { Name = "guidance", PropertyName = "Guidance", Type = "number" },
            new ModelParameter { Name = "strength", PropertyName = "Strength", Type = "float" },
            new ModelParameter { Name = "safe", PropertyName = "Safe", Type = "boolean" },
            new ModelParameter { Name = "seeds", PropertyName = "Seeds", Type = "array", ItemType = "integer" },
            new ModelParameter { Name = "tags", PropertyName = "Tags", Type = "array", ItemType = "string" },
            new ModelParameter { Name = "image", PropertyName = "Image", Type = "string", Format = "image_uri", IsMedia = true },
            new ModelParameter { Name = "images", PropertyName = "Images", Type = "array", ItemType = "string", ItemFormat = "image_uri", IsMedia = true },
            new ModelParameter { Name = "anything", PropertyName = "Anything", Type = "" },
        ],
        "{}",
        _ => throw new InvalidOperationException("not used"));

    public void Dispose() => _folder.Dispose();

    private (JsonObject Body, IReadOnlyList<InputProblem> Problems) Build(JsonObject? file, params string[] inputs) =>
        new InputObjectBuilder(Model, _folder.Path).Build(file, inputs);

    [Fact]
    public void Types_each_value_by_its_schema_type()
    {
        var (body, problems) = Build(null, "prompt=a=b, c", "steps=30", "guidance=7.5", "strength=-0.25", "safe=no", "anything={\"k\":1}");

        problems.ShouldBeEmpty();
        body.ToJsonString().ShouldBe("""{"prompt":"a=b, c","steps":30,"guidance":7.5,"strength":-0.25,"safe":false,"anything":{"k":1}}""");
    }

    [Fact]
    public void Builds_arrays_from_repeated_keys_comma_lists_and_json()
    {
        var (body, problems) = Build(null, "seeds=1,2", "seeds=3", "tags=[\"x,y\",\"z\"]");

        problems.ShouldBeEmpty();
        body["seeds"]!.ToJsonString().ShouldBe("[1,2,3]");
        body["tags"]!.ToJsonString().ShouldBe("""["x,y","z"]""");
    }

    [Fact]
    public void Reads_at_path_media_into_data_uris_keeping_urls_as_they_are()
    {
        var png = SampleImages.Png(2, 2);
        File.WriteAllBytes(_folder.Combine("cat.png"), png);

        var (body, problems) = Build(null, "image=@cat.png", "images=@cat.png", "images=https://cdn.example/dog.jpg");

        problems.ShouldBeEmpty();
        body["image"]!.GetValue<string>().ShouldBe("data:image/png;base64," + Convert.ToBase64String(png));
        body["images"]![0]!.GetValue<string>().ShouldStartWith("data:image/png;base64,");
        body["images"]![1]!.GetValue<string>().ShouldBe("https://cdn.example/dog.jpg");
    }

    [Fact]
    public void Keeps_a_data_uri_whole_although_it_has_a_comma()
    {
        var (body, problems) = Build(null, "images=data:image/png;base64,AAAA");

        problems.ShouldBeEmpty();
        body["images"]!.ToJsonString().ShouldBe("""["data:image/png;base64,AAAA"]""");
    }

    [Fact]
    public void Lists_every_problem_at_once()
    {
        var (_, problems) = Build(null, "steps=many", "guidance=fast", "safe=maybe", "seeds=1,x", "colour=red", "novalue", "prompt=a", "prompt=b", "image=@missing.png");

        problems.Select(p => (p.Path, p.Kind)).ShouldBe(
        [
            ("", InputProblemKind.Usage),
            ("steps", InputProblemKind.Invalid),
            ("guidance", InputProblemKind.Invalid),
            ("safe", InputProblemKind.Invalid),
            ("seeds[1]", InputProblemKind.Invalid),
            ("colour", InputProblemKind.Invalid),
            ("prompt", InputProblemKind.Invalid),
            ("image", InputProblemKind.MissingFile),
        ], ignoreOrder: true);
        problems.Single(p => p.Path == "colour").Message.ShouldContain("prompt, steps");
        problems.Single(p => p.Path == "steps").Message.ShouldContain("integer");
    }

    [Fact]
    public void Inputs_replace_the_files_values_and_at_paths_in_the_file_are_read_too()
    {
        File.WriteAllBytes(_folder.Combine("a.png"), SampleImages.Png(2, 2));
        var file = JsonNode.Parse("""{"prompt":"from file","steps":4,"images":["@a.png"]}""")!.AsObject();

        var (body, problems) = Build(file, "steps=8");

        problems.ShouldBeEmpty();
        body["prompt"]!.GetValue<string>().ShouldBe("from file");
        body["steps"]!.GetValue<long>().ShouldBe(8);
        body["images"]![0]!.GetValue<string>().ShouldStartWith("data:image/png;base64,");
    }
}
