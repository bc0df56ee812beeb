using System.Xml.Linq;
using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests.GeneratedCode;

/// <summary>
/// The <c>&lt;summary&gt;</c> of generated members, which IDE hover shows (it does not show <c>&lt;remarks&gt;</c>):
/// required or optional with the default, limits, allowed values and media rules in brief, and a useful
/// sentence where the schema has no description. Read from the compiled symbols, as an IDE reads them.
/// </summary>
public sealed class HoverDocsTests
{
    private const string TypeName = "RunComfy.Models.Acme.WidgetRequest";

    private static readonly Lazy<Compilation> Compiled = new(() =>
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/widget", """
            {
              "type": "object",
              "title": "Widget maker",
              "description": "Makes widgets from a prompt.",
              "required": ["prompt", "images"],
              "properties": {
                "prompt": { "type": "string", "description": "", "maxLength": 600 },
                "images": {
                  "type": "array",
                  "items": { "type": "string", "format": "image_uri" },
                  "minItems": 1,
                  "maxItems": 10,
                  "validations": [
                    { "validation_rule": "file_size_mb<", "validation_value": 10 },
                    { "validation_rule": "width/height>", "validation_value": 0.33 },
                    { "validation_rule": "width/height<", "validation_value": 3 }
                  ]
                },
                "mode": { "type": "string", "title": "Speed", "enum": ["fast", "standard"], "default": "fast" },
                "size": { "type": "string", "enum": ["a", "b", "c", "d", "e", "f", "g", "h"] },
                "count": { "type": "integer", "enum": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] },
                "strength": { "type": "number", "description": "How strong <b>the</b> effect is.", "minimum": 0, "maximum": 1, "default": 0.5 },
                "seed": { "type": "integer", "title": "seed", "exclusiveMinimum": 0 },
                "sequential_image_generation": { "type": "string", "title": "sequential_image_generation", "description": "" }
              }
            }
            """));
        result.CompilationDiagnostics.ShouldBeEmpty();
        return result.Compilation;
    });

    [Fact]
    public void A_required_string_without_description_says_what_it_is_and_its_limit()
    {
        string summary = Summary("Prompt");

        summary.ShouldBe("Prompt: text. Required. At most 600 characters.");
        summary.ShouldNotContain("parameter");
    }

    [Fact]
    public void A_media_list_shows_count_and_media_rules_in_brief()
    {
        Summary("Images").ShouldBe("Images: a list of media URLs. Required. 1 to 10 items. Image URLs (HTTPS or data:), file < 10 MB, 0.33 < width/height < 3.");
    }

    [Fact]
    public void An_optional_enum_shows_its_default_and_its_values()
    {
        Summary("Mode").ShouldBe("Speed. Optional, default \"fast\" (applied by the server while null). One of \"fast\", \"standard\".");
    }

    [Fact]
    public void A_long_list_of_values_is_shortened()
    {
        Summary("Size").ShouldEndWith("One of \"a\", \"b\", \"c\", \"d\", \"e\", \"f\" \u2026 (8 values).");
    }

    [Fact]
    public void A_run_of_integers_reads_as_a_range()
    {
        Summary("Count").ShouldEndWith("Optional. A whole number from 1 to 10.");
    }

    [Fact]
    public void A_description_comes_first_and_its_markup_stays_text()
    {
        Summary("Strength").ShouldBe("How strong <b>the</b> effect is. Optional, default 0.5 (applied by the server while null). From 0 to 1.");
    }

    [Fact]
    public void A_title_that_only_repeats_the_name_is_replaced_by_a_sentence()
    {
        Summary("Seed").ShouldBe("Seed: a whole number. Optional. > 0.");
        Summary("SequentialImageGeneration").ShouldBe("Sequential image generation: text. Optional.");
    }

    [Fact]
    public void The_full_detail_stays_in_the_remarks()
    {
        XElement doc = Doc(Compiled.Value.GetTypeByMetadataName(TypeName)!.GetMembers("Images").Single());

        string remarks = Text(doc.Element("remarks")!);
        remarks.ShouldContain("JSON images. Required.");
        remarks.ShouldContain("Media rules (checked on the file): file_size_mb< 10;");
    }

    [Fact]
    public void The_record_summary_names_the_model_title_description_and_id()
    {
        XElement doc = Doc(Compiled.Value.GetTypeByMetadataName(TypeName)!);

        Text(doc.Element("summary")!).ShouldBe("Widget maker Makes widgets from a prompt. A request to the RunComfy model acme/widget, generated from its input schema.");
    }

    private static string Summary(string member) =>
        Text(Doc(Compiled.Value.GetTypeByMetadataName(TypeName)!.GetMembers(member).Single()).Element("summary")!);

    private static XElement Doc(ISymbol symbol) => XElement.Parse(symbol.GetDocumentationCommentXml()!);

    /// <summary>The text a reader sees: markup gone, whitespace collapsed.</summary>
    private static string Text(XElement element) =>
        string.Join(" ", element.Value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
