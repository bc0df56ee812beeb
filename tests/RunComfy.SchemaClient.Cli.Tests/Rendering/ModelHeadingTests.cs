using RunComfy.Cli.Rendering;

namespace RunComfy.SchemaClient.Cli.Tests.Rendering;

/// <summary>
/// A model's heading holds its id, which users copy: a terminal too narrow for the rule wraps the id (after a '/'
/// where it can) above a plain rule and never cuts it; a wide one keeps the id inside the rule.
/// </summary>
public sealed class ModelHeadingTests
{
    private const string Schema = """{ "type": "object", "properties": { "prompt": { "type": "string" } } }""";

    [Theory]
    [InlineData("kling/kling-3.0/pro/text-to-video-with-a-long-tail")]
    [InlineData("an-owner-whose-name-alone-is-longer-than-forty-columns/model")]
    public void At_40_columns_a_long_id_wraps_whole_above_a_plain_rule(string id)
    {
        var lines = Render(40, console => ModelRenderer.WriteTables(console, [ModelInfo.FromSchema(id, Schema)], details: true));

        var rule = lines.FindIndex(l => l.Length > 0 && l.All(c => c == '─'));
        rule.ShouldBeGreaterThan(0, string.Join('\n', lines));
        string.Concat(lines.Take(rule)).ShouldBe(id);
        lines.ShouldAllBe(l => l.Length <= 40);
        lines.ShouldNotContain(l => l.Contains('…'));
    }

    [Fact]
    public void At_40_columns_an_id_that_fits_stays_in_the_rule()
    {
        var lines = Render(40, console => ModelRenderer.WriteTables(console, [ModelInfo.FromSchema("bytedance/seedream-4-0/edit", Schema)], details: true));

        lines[0].ShouldBe("── bytedance/seedream-4-0/edit ─────────");
    }

    [Fact]
    public void At_40_columns_the_id_breaks_after_a_slash()
    {
        var lines = Render(40, console => ModelRenderer.WriteTables(console, [ModelInfo.FromSchema("kling/kling-3.0/pro/text-to-video-with-a-long-tail", Schema)], details: true));

        lines[0].ShouldBe("kling/kling-3.0/pro/");
        lines[1].ShouldBe("text-to-video-with-a-long-tail");
    }

    [Fact]
    public void At_120_columns_the_id_stays_in_the_rule()
    {
        const string id = "kling/kling-3.0/pro/text-to-video-with-a-long-tail";

        var lines = Render(120, console => ModelRenderer.WriteTables(console, [ModelInfo.FromSchema(id, Schema)], details: true));

        lines[0].ShouldStartWith($"── {id} ──");
        lines[0].Length.ShouldBe(120);
    }

    [Theory]
    [InlineData(40)]
    [InlineData(120)]
    public void A_model_from_the_catalog_keeps_its_whole_id_and_note(int width)
    {
        const string id = "kling/kling-3.0/pro/text-to-video";
        var model = new CatalogModel { ModelId = id, DisplayName = "Kling 3.0 Pro" };

        var lines = Render(width, console => ModelRenderer.WriteRemote(console, model, ModelInfo.FromSchema(id, Schema).Parameters));

        var rule = lines.FindIndex(l => l.Contains('─'));
        var heading = string.Join(' ', [.. lines.Take(rule), lines[rule].Trim('─', ' ')]).Trim();
        heading.ShouldBe($"{id} (from RunComfy's catalog; not compiled in)");
        lines.ShouldAllBe(l => l.Length <= width);
        lines.ShouldNotContain(l => l.Contains('…'));
    }

    private static List<string> Render(int width, Action<Spectre.Console.IAnsiConsole> write)
    {
        var output = new StringWriter();
        var console = Consoles.For(output, interactive: false);
        console.Profile.Width = width;
        write(console);
        return [.. output.ToString().Split('\n').Select(l => l.TrimEnd('\r'))];
    }
}
