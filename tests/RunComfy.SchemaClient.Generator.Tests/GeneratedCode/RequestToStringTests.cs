using System.Globalization;
using System.Text;
using System.Text.Json;
using RunComfy.Metadata;
using RunComfy.Models.Bytedance;

namespace RunComfy.SchemaClient.Generator.Tests.GeneratedCode;

/// <summary>
/// The generated <c>ToString()</c> of a request (its <c>PrintMembers</c>): lists item by item, media briefly and
/// without secrets, strings quoted and cut, enums by their JSON value, unset optional members left out, and a
/// cap on the whole text.
/// </summary>
public sealed class RequestToStringTests
{
    [Fact]
    public void A_request_prints_its_lists_strings_and_enums_readably()
    {
        var request = new Seedream40EditSequentialRequest
        {
            Images = ["https://cdn.example.com/a.png", "https://cdn.example.com/b.png"],
            Text = "A cat",
            SequentialImageGenerationOptions = 4,
            ImageSize = Seedream40EditSequentialImageSize._2560_1440_16_9,
            OptimizePromptOptions = Seedream40EditSequentialOptimizePromptOptions.Fast,
        };

        request.ToString().ShouldBe(
            "Seedream40EditSequentialRequest { Images = [https://cdn.example.com/a.png, https://cdn.example.com/b.png], Text = \"A cat\", "
            + "SequentialImageGenerationOptions = 4, ImageSize = \"2560:1440 (16:9)\", OptimizePromptOptions = \"fast\" }");
    }

    [Fact]
    public void Unset_optional_members_are_left_out_and_a_null_required_member_shows_null()
    {
        var request = new Seedream40EditRequest { Prompt = null!, Images = ["https://cdn.example.com/a.png"] };

        request.ToString().ShouldBe("Seedream40EditRequest { Prompt = null, Images = [https://cdn.example.com/a.png] }");
    }

    [Fact]
    public void A_url_with_a_token_in_its_query_prints_without_it()
    {
        var request = new Seedream40EditRequest
        {
            Prompt = "p",
            Images = ["https://user:pw@cdn.example.com/a.png?X-Amz-Signature=SECRETSIG&token=SECRETTOKEN"],
        };

        string text = request.ToString();

        text.ShouldContain("Images = [https://cdn.example.com/a.png?...]");
        text.ShouldNotContain("SECRET");
        text.ShouldNotContain("pw@");
    }

    [Fact]
    public void A_data_uri_prints_its_type_and_size_only()
    {
        string dataUri = "data:image/png;base64," + Convert.ToBase64String(new byte[12_345]);
        var request = new Seedream40EditRequest { Prompt = "p", Images = [dataUri] };

        request.ToString().ShouldBe("Seedream40EditRequest { Prompt = \"p\", Images = [data:image/png;base64,\u2026(12,345 bytes)] }");
    }

    [Fact]
    public void A_long_string_is_cut_with_its_length_and_control_characters_are_escaped()
    {
        var request = new Seedream40EditRequest { Prompt = "line\n" + new string('x', 5000), Images = [] };

        string text = request.ToString();

        text.ShouldContain("Prompt = \"line\\n" + new string('x', RequestPrinter.MaxStringLength - 5) + "\"\u2026(5,005 chars)");
        text.ShouldNotContain("\n");
    }

    [Fact]
    public void A_long_list_shows_its_first_items_and_a_count()
    {
        var request = new Seedream40EditRequest
        {
            Prompt = "p",
            Images = [.. Enumerable.Range(0, 25).Select(i => (MediaInput)$"https://cdn.example.com/{i}.png")],
        };

        string text = request.ToString();

        text.ShouldContain("https://cdn.example.com/9.png, \u2026(25 items)]");
        text.ShouldNotContain("https://cdn.example.com/10.png");
    }

    [Fact]
    public void The_whole_text_is_bounded_whatever_the_request_holds()
    {
        var request = new Seedream40EditRequest
        {
            Prompt = new string('p', 1_000_000),
            Images = [.. Enumerable.Range(0, 1000).Select(i => (MediaInput)("https://cdn.example.com/" + new string('a', 1000) + i))],
            Resolution = Seedream40EditResolution._2K,
        };

        string text = request.ToString();

        text.Length.ShouldBeLessThanOrEqualTo("Seedream40EditRequest {  }".Length + RequestPrinter.MaxTotalLength + 1);
        text.ShouldEndWith("\u2026 }");
    }

    [Fact]
    public void An_enum_value_outside_the_schema_prints_as_its_number()
    {
        var request = new Seedream40EditSequentialRequest { Text = "t", Images = [], SequentialImageGenerationOptions = 99, ImageSize = (Seedream40EditSequentialImageSize)42 };

        request.ToString().ShouldBe("Seedream40EditSequentialRequest { Images = [], Text = \"t\", SequentialImageGenerationOptions = 99, ImageSize = 42 }");
    }

    [Fact]
    public void Numbers_booleans_and_json_print_in_invariant_form_whatever_the_culture()
    {
        CultureInfo saved = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
        try
        {
            var builder = new StringBuilder();
            var printer = new RequestPrinter(builder);
            using JsonDocument payload = JsonDocument.Parse("{\"a\":[1,2]}");

            printer.Number("Ratio", 0.5);
            printer.Boolean("Flag", true);
            printer.List("Weights", new[] { 1.5, -2 });
            printer.List("Flags", new[] { true, false });
            printer.Json("Payload", payload.RootElement);
            printer.Number("Unset", (long?)null);
            printer.Done().ShouldBeTrue();

            builder.ToString().ShouldBe("Ratio = 0.5, Flag = true, Weights = [1.5, -2], Flags = [true, false], Payload = {\"a\":[1,2]}");
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }
}
