using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Rules;

/// <summary>Every format read from every local source: a file, bytes, a stream and a data URI string.</summary>
public sealed class SourceKindTests : IDisposable
{
    private readonly TempFiles _files = new();

    public void Dispose() => _files.Dispose();

    public static TheoryData<ImageFormat, string> Cases()
    {
        var data = new TheoryData<ImageFormat, string>();
        foreach (var format in Enum.GetValues<ImageFormat>())
        {
            foreach (var kind in new[] { "file", "bytes", "stream", "data URI" })
            {
                data.Add(format, kind);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_14_pixel_wide_image_breaks_width_pixels_from_any_source(ImageFormat format, string kind)
    {
        var image = TestImages.Create(format, 14, 15);
        MediaInput media = kind switch
        {
            "file" => MediaInput.FromFile(_files.Write($"{format}.img", image)),
            "bytes" => MediaInput.FromBytes(image),
            "stream" => MediaInput.FromStream(new MemoryStream(image)),
            _ => $"data:{(await MediaInput.FromBytes(image).ReadMetadataAsync()).MimeType};base64,{Convert.ToBase64String(image)}",
        };

        var result = await new SequentialEditRequest { Images = [media] }.ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("images[0]", "width_pixels>"));
        result.Warnings.ShouldBeEmpty();
    }
}
