using RunComfy.Cli.Rendering;

namespace RunComfy.SchemaClient.Cli.Tests.Rendering;

/// <summary>Parameter names are what users type after <c>--input</c>: a narrow terminal folds the other columns, never them.</summary>
public sealed class NarrowTableTests
{
    // Long names beside long texts: the case that used to come out as "sequential_ima" / "ge_generation".
    private const string Schema = """
        {
          "type": "object",
          "required": ["prompt", "sequential_image_generation"],
          "properties": {
            "prompt": { "type": "string", "maxLength": 600, "description": "What to draw, in as many words as it takes to describe the scene, its light and its mood." },
            "sequential_image_generation": { "type": "string", "enum": ["auto", "disabled"], "default": "disabled", "description": "Whether the model may return a series of related images instead of a single one." },
            "max_images_per_request_for_the_sequence": { "type": "integer", "minimum": 1, "maximum": 15, "description": "The most images one sequence may hold." }
          }
        }
        """;

    [Theory]
    [InlineData(40, false)]
    [InlineData(60, false)]
    [InlineData(60, true)]
    [InlineData(100, false)]
    [InlineData(120, true)]
    public void Parameter_names_are_never_split_across_lines(int width, bool details)
    {
        var model = ModelInfo.FromSchema("tests/narrow-table", Schema);
        var output = new StringWriter();
        var console = Consoles.For(output, interactive: false);
        console.Profile.Width = width;

        ModelRenderer.WriteTables(console, [model], details);

        var text = output.ToString();
        var lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        foreach (var parameter in model.Parameters)
        {
            // Whole on one line: a table cell ("│ sequential_image_generation │") or the list form's name line.
            lines.ShouldContain(l => l.Contains($"│ {parameter.Name} ", StringComparison.Ordinal) || l == parameter.Name, text);
        }

        // Nothing squeezed away: no table drawn as a lone "…", every limit still there.
        lines.ShouldNotContain(l => l.Trim() == "…", text);
        text.Replace("\n", " ", StringComparison.Ordinal).Replace("│", " ", StringComparison.Ordinal).ShouldContain("600", Case.Sensitive, text);
        lines.ShouldAllBe(l => l.Length <= width, text);
    }
}
