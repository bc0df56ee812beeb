using System.Text.Json;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Commands;

public sealed class ModelsCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Lists_every_bundled_model_with_types_defaults_enums_and_limits()
    {
        var run = await _cli.RunAsync("models");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldContain("bytedance/seedream-4-0/edit");
        run.Out.ShouldContain("bytedance/seedream-4-0/edit-sequential");
        run.Out.ShouldContain("array of image_uri");
        run.Out.ShouldContain("at most 600 characters");
        run.Out.ShouldContain("1–10 items");
        run.Out.ShouldContain("\"2048x2048 (1:1)\"");
        run.Out.ShouldContain("\"3024x1296");
        run.Out.ShouldContain("one of: 1…15 (every integer)");
    }

    [Fact]
    public async Task Show_gives_one_model_with_its_media_rules_and_an_example()
    {
        var run = await _cli.RunAsync("models", "show", "bytedance/seedream-4-0/edit");

        run.ExitCode.ShouldBe(0, run.ToString());
        run.Out.ShouldNotContain("edit-sequential");
        run.Out.ShouldContain("file_size_mb< 10");
        run.Out.ShouldContain("The aspect ratio range should be 1:3 to 3:1.");
        run.Out.ShouldContain("comfy-schema run bytedance/seedream-4-0/edit --input prompt=... --input images=@file");
    }

    [Fact]
    public async Task Show_of_an_unknown_model_exits_65()
    {
        var run = await _cli.RunAsync("models", "show", "nobody/nothing");

        run.ExitCode.ShouldBe(65);
        run.Error.ShouldContain("Unknown model 'nobody/nothing'");
    }

    [Fact]
    public async Task Json_output_carries_the_parameter_metadata()
    {
        var run = await _cli.RunAsync("models", "--json");

        run.ExitCode.ShouldBe(0, run.ToString());
        using var document = JsonDocument.Parse(run.Out);
        var edit = document.RootElement.GetProperty("models").EnumerateArray()
            .Single(m => m.GetProperty("model_id").GetString() == "bytedance/seedream-4-0/edit");
        var parameters = edit.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        parameters["prompt"].GetProperty("max_length").GetInt32().ShouldBe(600);
        parameters["prompt"].GetProperty("required").GetBoolean().ShouldBeTrue();
        parameters["images"].GetProperty("max_items").GetInt32().ShouldBe(10);
        parameters["images"].GetProperty("media").GetBoolean().ShouldBeTrue();
        parameters["images"].GetProperty("media_rules").GetArrayLength().ShouldBe(5);
        parameters["resolution"].GetProperty("default").GetString().ShouldBe("2048x2048 (1:1)");
        parameters["resolution"].GetProperty("enum").GetArrayLength().ShouldBe(11);
    }
}
