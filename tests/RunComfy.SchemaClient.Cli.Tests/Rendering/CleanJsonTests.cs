using System.Text.Json;
using RunComfy.Cli.Rendering;

namespace RunComfy.SchemaClient.Cli.Tests.Rendering;

/// <summary>Server JSON written again value by value: the bounds and the exactness <see cref="CleanJson"/> promises.</summary>
public sealed class CleanJsonTests
{
    [Theory]
    [InlineData("""{"a":[1,-2.50e+3,true,false,null,"x"]}""", """{"a":[1,-2.50e+3,true,false,null,"x"]}""")]
    // NEL is a line break: a space, as line breaks in all server text.
    [InlineData("""{"k\u001b[31m":"v\u0085w"}""", """{"k":"v w"}""")]
    [InlineData("not json", "null")]
    [InlineData("""{"a":""", "null")]
    public void Values_are_written_again_cleaned_and_exact(string json, string expected)
    {
        Written(json).ShouldBe(expected);
    }

    [Theory]
    // A lone surrogate escape is valid JSON but has no string (GetString throws): its escaped text is shown.
    [InlineData("""{"a":"x\ud800y"}""", """{"a":"x\\ud800y"}""")]
    [InlineData("""{"\udc00k":1}""", """{"\\udc00k":1}""")]
    [InlineData("""["\ud83d\ude00","\ud83d"]""", """["\uD83D\uDE00","\\ud83d"]""")]
    public void A_lone_surrogate_escape_is_written_as_its_escaped_text(string json, string expected)
    {
        Written(json).ShouldBe(expected);
    }

    [Fact]
    public void Nesting_deeper_than_the_bound_is_written_as_null()
    {
        var deep = new string('[', CleanJson.MaxDepth + 1) + new string(']', CleanJson.MaxDepth + 1);
        var shallow = new string('[', CleanJson.MaxDepth) + new string(']', CleanJson.MaxDepth);

        Written(deep).ShouldBe("null");
        Written(shallow).ShouldBe(shallow);
    }

    private static string Written(string json)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            CleanJson.Write(writer, json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
