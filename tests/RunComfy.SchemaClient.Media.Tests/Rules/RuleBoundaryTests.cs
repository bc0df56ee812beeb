using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Rules;

/// <summary>Every rule of the seed schema at its boundary, for every image format the runtime reads.</summary>
public sealed class RuleBoundaryTests
{
    private static readonly (int Width, int Height, string[] Broken)[] PixelCases =
    [
        (15, 15, []),
        (14, 15, ["width_pixels>"]),
        (15, 14, ["height_pixels>"]),
        (5999, 5999, []),
        (6000, 5999, ["width_pixels<"]),
        (5999, 6000, ["height_pixels<"]),
        (33, 100, ["width/height>"]),
        (34, 100, []),
        (300, 100, ["width/height<"]),
        (299, 100, []),
        (14, 14, ["width_pixels>", "height_pixels>"]),
    ];

    public static TheoryData<ImageFormat, int, int, string[]> PixelBoundaries()
    {
        var data = new TheoryData<ImageFormat, int, int, string[]>();
        foreach (var format in Enum.GetValues<ImageFormat>())
        {
            foreach (var (width, height, broken) in PixelCases)
            {
                data.Add(format, width, height, broken);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(PixelBoundaries))]
    public async Task Pixel_rules_at_their_boundaries(ImageFormat format, int width, int height, string[] broken)
    {
        var request = new SequentialEditRequest { Images = [MediaInput.FromBytes(TestImages.Create(format, width, height))] };

        var result = await request.ValidateAsync();

        result.Errors.Select(e => e.Rule).ShouldBe(broken, ignoreOrder: true);
        result.Warnings.ShouldBeEmpty();
        foreach (var error in result.Errors)
        {
            error.Path.ShouldBe("images[0]");
            error.Message.ShouldStartWith(SequentialEditRequest.ImageRules.First(r => r.Rule == error.Rule).Message!);
            error.Message.ShouldContain($"{width}x{height} px");
        }
    }

    public static TheoryData<ImageFormat, int, bool> SizeBoundaries()
    {
        var data = new TheoryData<ImageFormat, int, bool>();
        foreach (var format in Enum.GetValues<ImageFormat>())
        {
            data.Add(format, 9_999_999, true);
            data.Add(format, 10_000_000, false);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(SizeBoundaries))]
    public async Task File_size_counts_bytes_against_the_value_times_a_million(ImageFormat format, int size, bool passes)
    {
        var image = TestImages.Sized(format, 100, 100, size);
        var request = new SequentialEditRequest { Images = [MediaInput.FromBytes(image)] };

        var result = await request.ValidateAsync();

        if (passes)
        {
            result.IsValid.ShouldBeTrue(string.Join("; ", result.Errors));
        }
        else
        {
            var error = result.Errors.ShouldHaveSingleItem();
            error.Rule.ShouldBe("file_size_mb<");
            error.Path.ShouldBe("images[0]");
            error.Message.ShouldStartWith("File size must be less than 10 MB.");
            error.Message.ShouldContain("10,000,000 bytes");
        }
    }

    [Theory]
    [InlineData("file_size_mb>", 0.001, 1000, false)]
    [InlineData("file_size_mb>", 0.001, 1001, true)]
    [InlineData("file_size_mb<=", 0.001, 1000, true)]
    [InlineData("file_size_mb<=", 0.001, 1001, false)]
    [InlineData("file_size_mb>=", 0.001, 999, false)]
    [InlineData("file_size_mb>=", 0.001, 1000, true)]
    public async Task Other_comparisons_of_the_same_subjects(string rule, double value, int size, bool passes)
    {
        var request = new SequentialEditRequest
        {
            Images = [MediaInput.FromBytes(TestImages.Sized(ImageFormat.Png, 20, 20, size))],
            ImageRulesInUse = [new MediaRule(rule, value, null)],
        };

        var result = await request.ValidateAsync();

        result.IsValid.ShouldBe(passes);
        if (!passes)
        {
            result.Errors.ShouldHaveSingleItem().Message.ShouldStartWith("The file size in MB must be");
        }
    }

    [Theory]
    [InlineData(1, 16, true)]
    [InlineData(16, 1, false)]
    [InlineData(1, 17, false)]
    public async Task Fractional_ratio_limits_compare_exactly(int width, int height, bool passes)
    {
        // seedream-5.0-pro: width/height> 0.0625 (1:16); 1x16 is exactly 0.0625, so it must fail, not round.
        var request = new SequentialEditRequest
        {
            Images = [MediaInput.FromBytes(TestImages.Png(width, height))],
            ImageRulesInUse = [new MediaRule("width/height>=", 0.0625, null), new MediaRule("width/height<", 16, null)],
        };

        var result = await request.ValidateAsync();

        result.IsValid.ShouldBe(passes, string.Join("; ", result.Errors));
    }
}
