using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Inputs;

/// <summary>Every problem in one run: a bad enum value no longer hides schema rules, and schema rules no longer hide media rules.</summary>
public sealed class RequestPreparerTests : IDisposable
{
    private const string Edit = "bytedance/seedream-4-0/edit";
    private readonly CliHarness _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Parse_schema_and_media_problems_are_listed_together_and_a_file_is_named_as_given()
    {
        Directory.CreateDirectory(_cli.Combine("photos"));
        File.WriteAllBytes(_cli.Combine("photos", "tiny.png"), SampleImages.Png(10, 10));

        var run = await _cli.RunAsync("run", Edit, "--emulator",
            "-i", "prompt=" + new string('x', 601), "-i", "resolution=8K", "-i", "images=@photos/tiny.png");

        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("resolution: \"8K\" is not one of the allowed values. (enum)");
        run.Error.ShouldContain("prompt: must be at most 600 characters long");
        run.Error.ShouldContain("images[0]: The uploaded image width and height must exceed 14 pixels. ('photos/tiny.png' is 10x10 px;");
        run.Error.ShouldNotContain("data URI");
    }

    [Fact]
    public async Task A_media_problem_of_a_url_keeps_the_url()
    {
        var run = await _cli.RunAsync("run", Edit, "--emulator", "-i", "prompt=x", "-i", "resolution=8K", "-i", "images=http://example.com/a.png");

        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("resolution:");
        run.Error.ShouldContain("images[0]:");
    }
}
