using RunComfy.SchemaClient.Generator.Diagnostics;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>Schema text in a diagnostic message can end no line and drive no terminal.</summary>
public sealed class DiagnosticTextTests
{
    [Theory]
    [InlineData("plain text", "plain text")]
    [InlineData("a\nb\rc\u0085d", "a\\u000Ab\\u000Dc\\u0085d")]
    [InlineData("x\u2028y\u2029z", "x\\u2028y\\u2029z")]
    [InlineData("\u001b[31mred", "\\u001B[31mred")]
    [InlineData("bidi\u202Eevil", "bidi\\u202Eevil")]
    [InlineData("emoji 😀 stays", "emoji 😀 stays")]
    public void Control_format_and_line_characters_are_escaped(string text, string expected) =>
        DiagnosticText.Sanitize(text).ShouldBe(expected);

    [Fact]
    public void A_lone_surrogate_is_escaped()
    {
        // Built in code: xunit would replace a lone surrogate in InlineData while serialising it.
        DiagnosticText.Sanitize("lone " + '\uD800' + " high").ShouldBe("lone \\uD800 high");
    }

    [Fact]
    public void Quote_cuts_long_text()
    {
        string quoted = DiagnosticText.Quote(new string('a', 500));

        quoted.ShouldBe(new string('a', DiagnosticText.MaxQuotedLength) + "...");
    }

    [Fact]
    public void A_hostile_reference_and_property_name_reach_the_message_escaped()
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/widget", """
            {
              "type": "object",
              "properties": {
                "a\u2028b": { "$ref": "x\u001b[2J\nBuild succeeded" }
              }
            }
            """));

        string message = result.GeneratorDiagnostics.ShouldHaveSingleItem().GetMessage();
        message.ShouldBe("The '$ref' at 'properties['a\\u2028b']' names 'x\\u001B[2J\\u000ABuild succeeded'; the generator never follows references (a schema is read offline, with no file or network access), so it is ignored");
    }
}
