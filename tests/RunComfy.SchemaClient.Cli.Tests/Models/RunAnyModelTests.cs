using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Models;

/// <summary>
/// <c>run &lt;any model id&gt;</c>: a catalog model that is not compiled into the CLI is loaded from the API,
/// cached beside the journal, and gets the same validation (every problem at once) and run as a compiled one.
/// </summary>
public sealed class RunAnyModelTests : IDisposable
{
    private const string ModelId = "alibaba/happyhorse-1.1/image-to-video";
    private readonly CliHarness _cli = new();
    private readonly string _schema = File.ReadAllText(Path.Combine(
        RepositoryFiles.Root, "tests", "RunComfy.SchemaClient.Generator.Tests", "Fixtures", "catalog", "alibaba", "happyhorse-1.1", "image-to-video.json"));

    private readonly FakeSchemaSource _source;

    public RunAnyModelTests()
    {
        _source = new FakeSchemaSource(new Dictionary<string, string> { [ModelId] = _schema });
        _cli.ModelSchemaSource = _source;
        _cli.ConfigureEmulator = options => options.ExtraSchemas[ModelId] = _schema;
        File.WriteAllBytes(_cli.Combine("frame.png"), SampleImages.Png(40, 30));
    }

    public void Dispose() => _cli.Dispose();

    [Fact]
    public void The_model_is_not_compiled_into_the_cli() => ModelCatalog.TryGet(ModelId, out _).ShouldBeFalse();

    [Fact]
    public async Task A_bad_input_lists_every_problem_in_one_run_then_a_good_one_completes()
    {
        var bad = await _cli.RunAsync("run", ModelId, "--emulator",
            "-i", "prompt=" + new string('x', 5001), "-i", "resolution=8K", "-i", "duration=2", "-i", "seed=-1", "-i", "image_url=http://example.com/a.png");

        bad.ExitCode.ShouldBe(65, bad.ToString());
        bad.Error.ShouldContain("nothing was submitted");
        bad.Error.ShouldContain("prompt: must be at most 5000 characters long (Unicode code points); it has 5001. (maxLength)");
        bad.Error.ShouldContain("resolution: \"8K\" is not one of the allowed values. (enum)");
        bad.Error.ShouldContain("duration: 2 is not one of the allowed values. (enum)");
        bad.Error.ShouldContain("seed: must be at least 0; it is -1. (minimum)");
        bad.Error.ShouldContain("image_url:");

        var good = await _cli.RunAsync("run", ModelId, "--emulator", "-i", "prompt=a horse", "-i", "image_url=@frame.png", "-i", "resolution=720P");

        good.ExitCode.ShouldBe(0, good.ToString());
        good.Error.ShouldContain("completed");
        File.Exists(good.Out.Trim()).ShouldBeTrue();
    }

    [Fact]
    public async Task The_schema_is_cached_beside_the_journal_and_refreshed_on_request()
    {
        (await _cli.RunAsync("run", ModelId, "--emulator", "-i", "prompt=a horse", "-i", "image_url=@frame.png")).ExitCode.ShouldBe(0);
        (await _cli.RunAsync("run", ModelId, "--emulator", "-i", "prompt=a horse", "-i", "image_url=@frame.png")).ExitCode.ShouldBe(0);

        // The in-process emulator gets a new port each run, and a cached schema is used only for the API it came from.
        var cached = Path.Combine(_cli.DataDirectory, "schemas", "alibaba", "happyhorse-1.1", "image-to-video.json");
        File.Exists(cached).ShouldBeTrue();
        File.ReadAllText(cached).ShouldContain("\"fetched_at\"");
        _source.Calls.ShouldBe(2);
    }

    [Fact]
    public async Task The_schema_comes_from_the_emulator_s_get_model_endpoint_by_default()
    {
        _cli.ModelSchemaSource = null;

        var bad = await _cli.RunAsync("run", ModelId, "--emulator", "-i", "prompt=x", "-i", "resolution=8K", "-i", "seed=-1");
        bad.ExitCode.ShouldBe(65, bad.ToString());
        bad.Error.ShouldContain("resolution: \"8K\" is not one of the allowed values. (enum)");
        bad.Error.ShouldContain("seed: must be at least 0; it is -1. (minimum)");
        bad.Error.ShouldContain("image_url: is required but missing. (required)");

        var good = await _cli.RunAsync("run", ModelId, "--emulator", "-i", "prompt=a horse", "-i", "image_url=@frame.png");
        good.ExitCode.ShouldBe(0, good.ToString());
    }

    [Fact]
    public async Task An_unknown_model_exits_65_with_the_reason()
    {
        var run = await _cli.RunAsync("run", "acme/no-such-model", "--emulator", "-i", "prompt=x");

        run.ExitCode.ShouldBe(65, run.ToString());
        run.Error.ShouldContain("Unknown model 'acme/no-such-model'");
    }

    [Fact]
    public async Task A_schema_the_generator_would_refuse_is_reported_with_its_diagnostic()
    {
        _cli.ModelSchemaSource = new FakeSchemaSource(new Dictionary<string, string> { ["acme/broken"] = "{\"properties\": 3}" });

        var run = await _cli.RunAsync("run", "acme/broken", "--emulator", "-i", "prompt=x");

        run.ExitCode.ShouldBe(69, run.ToString());
        run.Error.ShouldContain("RCS0014");
    }
}
