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
}
