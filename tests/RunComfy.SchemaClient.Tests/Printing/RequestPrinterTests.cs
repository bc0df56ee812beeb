using System.Text;
using System.Text.Json;
using RunComfy.Metadata;

namespace RunComfy.SchemaClient.Tests.Printing;

/// <summary><see cref="RequestPrinter"/> on odd values: a generated request's ToString must never throw.</summary>
public sealed class RequestPrinterTests
{
    [Fact]
    public void A_json_value_from_a_disposed_document_prints_a_placeholder_instead_of_throwing()
    {
        JsonElement element;
        using (var document = JsonDocument.Parse("""{"a":1}"""))
        {
            element = document.RootElement;
        }

        var builder = new StringBuilder();
        var printer = new RequestPrinter(builder);
        printer.Json("Extra", element);
        printer.List("Items", new[] { element });

        builder.ToString().ShouldBe("Extra = (disposed JSON), Items = [(disposed JSON)]");
    }

    [Fact]
    public void A_live_json_value_prints_its_text()
    {
        using var document = JsonDocument.Parse("""{"a":1}""");
        var builder = new StringBuilder();
        new RequestPrinter(builder).Json("Extra", document.RootElement);

        builder.ToString().ShouldBe("""Extra = {"a":1}""");
    }

    [Fact]
    public void A_10_mb_json_value_prints_its_first_characters_and_its_length_without_copying_its_text()
    {
        string huge = "[" + string.Join(",", Enumerable.Repeat("\"abcdefghi\"", 1_000_000)) + "]";
        huge.Length.ShouldBeGreaterThan(10_000_000);
        using var document = JsonDocument.Parse(huge);
        JsonElement element = document.RootElement;
        Print(p => p.Json("Extra", element));

        long before = GC.GetAllocatedBytesForCurrentThread();
        string text = Print(p => p.Json("Extra", element));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        text.ShouldBe("Extra = " + huge[..RequestPrinter.MaxStringLength] + "\u2026(12,000,001 chars)");
        // The raw text alone would be 24 MB of UTF-16; what is left is the printed text and its builder.
        allocated.ShouldBeLessThan(16 * 1024);
    }

    [Fact]
    public void A_list_of_10_mb_json_values_prints_ten_of_them_briefly()
    {
        using var document = JsonDocument.Parse("\"" + new string('x', 10_000_000) + "\"");
        JsonElement[] items = [.. Enumerable.Repeat(document.RootElement, 12)];
        Print(p => p.List("Items", items));

        long before = GC.GetAllocatedBytesForCurrentThread();
        string text = Print(p => p.List("Items", items));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        string item = "\"" + new string('x', RequestPrinter.MaxStringLength - 1) + "\u2026(10,000,002 chars)";
        text.ShouldBe("Items = [" + string.Join(", ", Enumerable.Repeat(item, RequestPrinter.MaxItems)) + ", \u2026(12 items)]");
        allocated.ShouldBeLessThan(64 * 1024);
    }

    [Theory]
    [InlineData(98, 99)]
    [InlineData(97, 100)]
    public void A_json_value_is_never_cut_inside_a_surrogate_pair(int letters, int shown)
    {
        // The quote and the letters, then an emoji (two UTF-16 characters) across the 100th character or just inside it.
        string json = "\"" + new string('x', letters) + "\ud83d\ude00\ud83d\ude00\"";
        using var document = JsonDocument.Parse(json);

        string text = Print(p => p.Json("Extra", document.RootElement));

        text.ShouldBe("Extra = " + json[..shown] + "\u2026(" + json.Length + " chars)");
    }

    [Fact]
    public void Control_and_format_characters_in_a_json_value_are_replaced()
    {
        using var document = JsonDocument.Parse("\"a\u202Eb\"");

        Print(p => p.Json("Extra", document.RootElement)).ShouldBe("Extra = \"a\uFFFDb\"");
    }

    private static string Print(Action<RequestPrinter> print)
    {
        var builder = new StringBuilder();
        print(new RequestPrinter(builder));
        return builder.ToString();
    }
}
