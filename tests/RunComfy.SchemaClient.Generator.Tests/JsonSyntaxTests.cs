using Microsoft.CodeAnalysis;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>
/// RCS0001 in our own words: strict JSON (no comments, no trailing commas), the line and column, what
/// was expected; never Newtonsoft's phrasing. Each broken file generates nothing and stops no other schema.
/// </summary>
public sealed class JsonSyntaxTests
{
    private const string Prefix = "The schema is not valid JSON and generates nothing: ";

    [Theory]
    [InlineData("", 1, 1, "the file is empty; expected a JSON value such as { \"type\": \"object\", ... }")]
    [InlineData("   \n  ", 2, 3, "the file is empty; expected a JSON value such as { \"type\": \"object\", ... }")]
    [InlineData("{ \"type\": ", 1, 11, "the file ends where a value is expected")]
    [InlineData("{\n  \"type\": \"object\",\n  \"properties\": {", 3, 18, "the file ends inside an object; expected a property name in double quotes")]
    [InlineData("{ \"type\": \"obj", 1, 11, "a string is not closed: the file ends before its closing '\"'")]
    [InlineData("garbage", 1, 1, "expected a value (an object, array, string, number, true, false or null), found 'g'")]
    [InlineData("\u0001\u0002", 1, 1, "expected a value (an object, array, string, number, true, false or null), found U+0001")]
    [InlineData("{ \"a\": 1 } x", 1, 12, "unexpected 'x' after the end of the JSON value; a schema file holds one object")]
    [InlineData("{ \"a\": [1, 2 }", 1, 14, "expected ',' or ']' after an array item, found '}'")]
    [InlineData("{ \"a\" 1 }", 1, 7, "expected ':' after the property name, found '1'")]
    [InlineData("{ a: 1 }", 1, 3, "expected a property name in double quotes, found 'a'")]
    [InlineData("{ 'a': 1 }", 1, 3, "property names use double quotes, not single quotes")]
    [InlineData("{ \"a\": 'x' }", 1, 8, "strings use double quotes, not single quotes")]
    [InlineData("{ \"a\": 01 }", 1, 8, "a number cannot start with 0 followed by more digits")]
    [InlineData("{ \"a\": 1. }", 1, 10, "expected a digit after the decimal point, found a space")]
    [InlineData("{ \"a\": +1 }", 1, 8, "expected a value (an object, array, string, number, true, false or null), found '+'")]
    [InlineData("{ \"a\": \"x\\q\" }", 1, 10, "'\\q' is not a JSON escape (use \\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\uXXXX)")]
    [InlineData("{ \"a\": \"x\ny\" }", 1, 10, "the character U+000A must be escaped inside a string (is a closing '\"' missing?)")]
    [InlineData("{ \"a\": tru }", 1, 8, "expected a value (an object, array, string, number, true, false or null), found 't'")]
    [InlineData("{ \"a\": 1, \"a\": 2 }", 1, 11, "the property name \"a\" appears twice in one object")]
    public void Broken_json_is_reported_with_line_column_and_what_was_expected(string json, int line, int column, string message)
    {
        Diagnostic diagnostic = ShouldFail(json);

        diagnostic.GetMessage().ShouldBe(Prefix + "line " + line + ", column " + column + ": " + message);
        diagnostic.Location.GetLineSpan().StartLinePosition.Line.ShouldBe(line - 1);
        diagnostic.Location.GetLineSpan().StartLinePosition.Character.ShouldBe(column - 1);
    }

    [Theory]
    [InlineData("{\n  \"type\": \"object\",\n}", 2, 19, "a trailing comma before '}' is not JSON; remove the ','")]
    [InlineData("{ \"required\": [\"a\",] }", 1, 19, "a trailing comma before ']' is not JSON; remove the ','")]
    [InlineData("{\n  // the model\n  \"type\": \"object\"\n}", 2, 3, "comments ('//') are not JSON; remove the comment")]
    [InlineData("{ \"type\": /* why */ \"object\" }", 1, 11, "comments ('/*') are not JSON; remove the comment")]
    [InlineData("{ \"type\": \"object\" } // end", 1, 22, "comments ('//') are not JSON; remove the comment")]
    public void Trailing_commas_and_comments_are_refused_where_they_are(string json, int line, int column, string message)
    {
        Diagnostic diagnostic = ShouldFail(json);

        diagnostic.GetMessage().ShouldBe(Prefix + "line " + line + ", column " + column + ": " + message);
        (diagnostic.Location.GetLineSpan().StartLinePosition.Line + 1).ShouldBe(line);
    }

    [Fact]
    public void Messages_never_quote_newtonsoft()
    {
        string[] broken = ["", "{", "[", "{ \"a\": }", "nul", "{ \"a\": [1,,2] }", "{}{}", "\"text", "{ \"a\": 1e }"];
        foreach (string json in broken)
        {
            string message = ShouldFail(json).GetMessage();
            message.ShouldStartWith(Prefix + "line ");
            message.ShouldNotContain("JObject");
            message.ShouldNotContain("JToken");
            message.ShouldNotContain("Path '");
            message.ShouldNotContain("position 0");
            message.ShouldNotContain("line 0");
        }
    }

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused_without_exhausting_the_stack()
    {
        string json = "{ \"a\": " + new string('[', 100_000) + new string(']', 100_000) + " }";

        ShouldFail(json).GetMessage().ShouldBe(Prefix + "line 1, column 71: objects and arrays are nested deeper than 64 levels");
    }

    [Fact]
    public void A_byte_order_mark_and_all_json_whitespace_are_accepted()
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/widget", "\uFEFF{\t\"type\":\r\n\"object\" ,\"properties\" : { \"a\" : { \"type\" : \"string\" } } }\n"));

        result.GeneratorDiagnostics.ShouldBeEmpty();
        result.Sources.Keys.ShouldContain("RunComfy.Models.Acme.WidgetRequest.g.cs");
    }

    private static Diagnostic ShouldFail(string json)
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/widget", json));
        Diagnostic diagnostic = result.GeneratorDiagnostics.ShouldHaveSingleItem();
        diagnostic.Id.ShouldBe("RCS0001");
        diagnostic.Severity.ShouldBe(DiagnosticSeverity.Error);
        result.Sources.Keys.ShouldBe(["RunComfy.Generated.GeneratedModelCatalog.g.cs"]);
        return diagnostic;
    }
}
