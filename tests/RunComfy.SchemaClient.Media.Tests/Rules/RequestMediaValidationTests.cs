using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Rules;

public sealed class RequestMediaValidationTests
{
    private static MediaInput GoodImage(int i = 0) => MediaInput.FromBytes(TestImages.Png(100 + i, 100));

    [Fact]
    public async Task A_valid_request_has_no_errors_or_warnings()
    {
        var request = new SequentialEditRequest { Images = [GoodImage(), MediaInput.FromBytes(TestImages.Jpeg(800, 600))] };

        var result = await request.ValidateAsync();

        result.IsValid.ShouldBeTrue();
        result.Warnings.ShouldBeEmpty();
    }

    [Fact]
    public async Task Errors_on_an_array_name_the_item()
    {
        var images = Enumerable.Range(0, 6).Select(GoodImage).ToList();
        images[3] = MediaInput.FromBytes(TestImages.WebPLossless(10, 400));
        var request = new SequentialEditRequest { Images = images };

        var result = await request.ValidateAsync();

        result.Errors.Select(e => (e.Path, e.Rule)).ShouldBe(
            [("images[3]", "width/height>"), ("images[3]", "width_pixels>")],
            ignoreOrder: true);
        result.Errors.ShouldAllBe(e => e.ToString().StartsWith("images[3]: "));
    }

    [Fact]
    public async Task Synchronous_errors_come_first_and_are_kept()
    {
        var request = new SequentialEditRequest
        {
            Images = [MediaInput.FromBytes(TestImages.Png(10, 10))],
            Text = new string('x', 601),
        };

        var result = await request.ValidateAsync();

        result.Errors[0].Rule.ShouldBe("maxLength");
        result.Errors.Select(e => e.Rule).ShouldContain("width_pixels>");
    }

    [Fact]
    public async Task An_unknown_rule_is_one_warning_per_property_and_the_others_still_apply()
    {
        var rules = new List<MediaRule>(SequentialEditRequest.ImageRules) { new("duration_seconds<", 5, "Too long.") };
        var request = new SequentialEditRequest
        {
            Images = [GoodImage(1), GoodImage(2), MediaInput.FromBytes(TestImages.Png(10, 100))],
            ImageRulesInUse = rules,
        };

        var result = await request.ValidateAsync();

        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Rule).ShouldBe(("images", "duration_seconds<"));
        warning.Message.ShouldContain("not known");
        result.Errors.Select(e => e.Rule).ShouldBe(["width/height>", "width_pixels>"], ignoreOrder: true);
    }

    [Fact]
    public async Task Pixel_rules_on_a_video_are_one_clear_error()
    {
        var request = new SequentialEditRequest { Images = [GoodImage()], Mask = MediaInput.FromBytes(TestMedia.Mp4()) };

        var result = await request.ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("mask", RequestMediaValidation.MediaRule));
        error.Message.ShouldContain("video/mp4, not an image");
        error.Message.ShouldContain("width_pixels>");
        result.Warnings.ShouldContain(w => w.Rule == "duration_seconds<");
    }

    [Fact]
    public async Task A_rule_without_a_message_gets_a_default_one()
    {
        var request = new SequentialEditRequest { Images = [GoodImage()], Mask = MediaInput.FromBytes(TestImages.Gif(14, 100)) };

        var result = await request.ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        error.Rule.ShouldBe("width_pixels>");
        error.Message.ShouldStartWith("The width in pixels must be greater than 14.");
    }

    [Theory]
    [MemberData(nameof(Videos))]
    public async Task Video_and_audio_get_the_size_rule_only(byte[] content)
    {
        var request = new SequentialEditRequest { Images = [GoodImage()], Video = MediaInput.FromBytes(content) };

        var result = await request.ValidateAsync();

        result.IsValid.ShouldBeTrue(string.Join("; ", result.Errors));
        result.Warnings.ShouldBeEmpty();
    }

    public static TheoryData<byte[]> Videos => new() { TestMedia.Mp4(), TestMedia.WebM(), TestMedia.Mp3WithId3(), TestMedia.Wav() };

    [Fact]
    public async Task A_video_over_the_size_limit_fails_its_rule()
    {
        var video = new byte[16_000_000];
        TestMedia.Mp4().CopyTo(video, 0);
        var request = new SequentialEditRequest { Images = [GoodImage()], Video = MediaInput.FromBytes(video) };

        var result = await request.ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("video_url", "file_size_mb<"));
        error.Message.ShouldStartWith("File size must be less than 16 MB.");
    }

    [Fact]
    public async Task A_corrupt_image_names_the_item_and_says_why()
    {
        var broken = TestImages.PngRaw(0, 0);
        var request = new SequentialEditRequest { Images = [GoodImage(), MediaInput.FromBytes(broken)] };

        var result = await request.ValidateAsync();

        var error = result.Errors.ShouldHaveSingleItem();
        (error.Path, error.Rule).ShouldBe(("images[1]", "media"));
        error.Message.ShouldContain("not a readable image");
        error.Message.ShouldContain("IHDR declares 0x0 pixels");
    }

    [Fact]
    public async Task Unrecognised_local_content_is_a_warning_and_fails_pixel_rules()
    {
        var request = new SequentialEditRequest { Images = [MediaInput.FromBytes(TestMedia.Text())] };

        var result = await request.ValidateAsync();

        result.Warnings.ShouldHaveSingleItem().Message.ShouldContain("application/octet-stream");
        result.Errors.ShouldHaveSingleItem().Message.ShouldContain("not an image");
    }

    [Fact]
    public async Task The_same_media_in_two_places_is_read_once_and_judged_in_both()
    {
        var shared = MediaInput.FromBytes(TestImages.Png(10, 10));
        var request = new SequentialEditRequest { Images = [shared, GoodImage(), shared] };

        var result = await request.ValidateAsync();

        result.Errors.Select(e => e.Path).Distinct().ShouldBe(["images[0]", "images[2]"]);
    }

    [Fact]
    public async Task Cancellation_is_not_swallowed()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var request = new SequentialEditRequest { Images = [GoodImage()] };

        await Should.ThrowAsync<OperationCanceledException>(() => request.ValidateAsync(cancellationToken: cancelled.Token));
    }

    [Fact]
    public async Task Invalid_options_are_refused()
    {
        var request = new SequentialEditRequest { Images = [GoodImage()] };

        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => request.ValidateAsync(new MediaValidationOptions { MaxConcurrency = 0 }));
        await Should.ThrowAsync<ArgumentOutOfRangeException>(() => request.ValidateAsync(new MediaValidationOptions { Timeout = TimeSpan.Zero }));
    }
}
