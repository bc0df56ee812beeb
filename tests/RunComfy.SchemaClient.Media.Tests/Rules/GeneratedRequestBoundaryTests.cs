using RunComfy.Models.Bytedance;
using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Rules;

/// <summary>
/// The rules at their boundaries on the request type the generator emits from the bundled schema (not a
/// hand-written double): what the schema says is what gets checked.
/// </summary>
public sealed class GeneratedRequestBoundaryTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    private static Seedream40EditSequentialRequest With(params MediaInput[] images) => new() { Text = "Generate 2 images", Images = images };

    [Theory]
    [InlineData(ImageFormat.Png)]
    [InlineData(ImageFormat.Jpeg)]
    [InlineData(ImageFormat.WebPLossy)]
    [InlineData(ImageFormat.Gif)]
    public async Task Width_pixels_over_14_fails_at_14_and_passes_at_15_from_a_local_file(ImageFormat format)
    {
        var narrow = MediaInput.FromFile(_files.Write($"narrow-{format}", TestImages.Create(format, 14, 15)));
        var fine = MediaInput.FromFile(_files.Write($"fine-{format}", TestImages.Create(format, 15, 15)));

        var result = await With(fine, narrow).ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("images[1]", "width_pixels>"));
        error.Message.ShouldStartWith("The uploaded image width and height must exceed 14 pixels.");
        error.Message.ShouldContain("14x15 px");
        (await With(fine).ValidateAsync()).IsValid.ShouldBeTrue();
    }

    [Fact]
    public async Task Aspect_ratio_over_0_33_fails_at_exactly_33_by_100_and_passes_at_34_by_100()
    {
        var exact = MediaInput.FromBytes(TestImages.Png(33, 100));
        var wider = MediaInput.FromBytes(TestImages.Png(34, 100));

        var result = await With(exact, wider).ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("images[0]", "width/height>"));
        error.Message.ShouldStartWith("The aspect ratio range should be 1:3 to 3:1.");
    }

    [Fact]
    public async Task Aspect_ratio_under_3_fails_at_exactly_300_by_100()
    {
        var result = await With(MediaInput.FromBytes(TestImages.Png(300, 100)), MediaInput.FromBytes(TestImages.Png(299, 100))).ValidateAsync();

        (result.Errors.ShouldHaveSingleItem().Path, result.Errors[0].Rule).ShouldBe(("images[0]", "width/height<"));
    }

    [Fact]
    public async Task The_generated_request_carries_the_schema_rules_to_ValidateAsync()
    {
        var fields = With(MediaInput.FromBytes(TestImages.Png(20, 20))).GetMediaFields();

        var field = fields.ShouldHaveSingleItem();
        field.Path.ShouldBe("images[0]");
        field.Rules.Select(r => r.Rule).ShouldBe(
            ["file_size_mb<", "width/height>", "width/height<", "width_pixels>", "height_pixels>", "width_pixels<", "height_pixels<"],
            ignoreOrder: true);
    }
}
