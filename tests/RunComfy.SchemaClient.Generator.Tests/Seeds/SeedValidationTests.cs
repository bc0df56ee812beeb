using RunComfy.Models.Bytedance;

namespace RunComfy.SchemaClient.Generator.Tests.Seeds;

/// <summary>
/// <c>Validate()</c> of the bundled seed models (compiled into the runtime by the generator), at every
/// boundary their schemas state.
/// </summary>
public sealed class SeedValidationTests
{
    private const string Image = "https://example.com/cat.png";

    [Fact]
    public void A_prompt_of_600_code_points_is_valid_and_601_is_not()
    {
        Edit(new string('a', 600)).Validate().IsValid.ShouldBeTrue();

        ValidationError error = Edit(new string('a', 601)).Validate().Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("prompt");
        error.Rule.ShouldBe("maxLength");
        error.Message.ShouldBe("must be at most 600 characters long (Unicode code points); it has 601.");
    }

    [Fact]
    public void An_emoji_counts_as_one_code_point()
    {
        string emoji600 = string.Concat(Enumerable.Repeat("😀", 600));
        emoji600.Length.ShouldBe(1200);
        Edit(emoji600).Validate().IsValid.ShouldBeTrue();
        Edit(emoji600 + "😀").Validate().Errors.ShouldHaveSingleItem().Rule.ShouldBe("maxLength");
    }

    [Fact]
    public void The_sequential_text_limit_is_600_code_points_too()
    {
        Sequential(text: new string('x', 600)).Validate().IsValid.ShouldBeTrue();
        Sequential(text: new string('x', 601)).Validate().Errors.ShouldHaveSingleItem().Path.ShouldBe("text");
    }

    [Fact]
    public void One_image_is_valid_and_zero_is_not()
    {
        Edit("p", images: 1).Validate().IsValid.ShouldBeTrue();

        ValidationError error = Edit("p", images: 0).Validate().Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("images");
        error.Rule.ShouldBe("minItems");
        error.Message.ShouldBe("must have at least 1 item; it has 0.");
    }

    [Fact]
    public void Ten_images_are_valid_and_eleven_are_not()
    {
        Edit("p", images: 10).Validate().IsValid.ShouldBeTrue();

        ValidationError error = Edit("p", images: 11).Validate().Errors.ShouldHaveSingleItem();
        error.Rule.ShouldBe("maxItems");
        error.Message.ShouldBe("must have at most 10 items; it has 11.");
    }

    [Fact]
    public void Every_problem_is_reported_at_once_with_item_paths()
    {
        var request = new Seedream40EditRequest
        {
            Prompt = new string('a', 601),
            Images = [Image, "ftp://example.com/x.png", null!, .. Enumerable.Repeat<MediaInput>(Image, 8)],
            Resolution = (Seedream40EditResolution)99,
        };

        ValidationResult result = request.Validate();

        result.IsValid.ShouldBeFalse();
        result.Errors.Select(e => (e.Path, e.Rule)).ShouldBe(
        [
            ("prompt", "maxLength"),
            ("images", "maxItems"),
            ("images[1]", "format"),
            ("images[2]", "type"),
            ("resolution", "enum"),
        ]);
    }

    [Fact]
    public void A_required_member_set_to_null_is_reported()
    {
        var request = new Seedream40EditRequest { Prompt = null!, Images = null! };

        request.Validate().Errors.Select(e => (e.Path, e.Rule)).ShouldBe([("prompt", "required"), ("images", "required")]);
    }

    [Fact]
    public void Validation_errors_throw_with_the_model_id()
    {
        var error = Should.Throw<RequestValidationException>(() => Edit("p", images: 0).Validate().ThrowIfInvalid("bytedance/seedream-4-0/edit"));
        error.ModelId.ShouldBe("bytedance/seedream-4-0/edit");
        error.Errors.ShouldHaveSingleItem().Rule.ShouldBe("minItems");
    }

    [Fact]
    public void Media_fields_carry_item_paths_and_the_schema_rules()
    {
        IReadOnlyList<MediaField> fields = Edit("p", images: 2).GetMediaFields();

        fields.Select(f => f.Path).ShouldBe(["images[0]", "images[1]"]);
        fields[0].Media.Url.ShouldBe(Image);
        fields[0].Rules.Select(r => (r.Rule, r.Value)).ShouldBe(
        [
            ("file_size_mb<", 10),
            ("width/height>", 0.33),
            ("width/height<", 3),
            ("width_pixels>", 14),
            ("height_pixels>", 14),
        ]);
        fields[0].Rules[0].Message.ShouldBe("File size must be less than 10 MB.");
        Sequential().GetMediaFields()[0].Rules.Count.ShouldBe(7);
    }

    [Fact]
    public void Every_resolution_value_converts_both_ways_and_is_valid()
    {
        string[] expected = ["1K", "2K", "4K", "2048x2048 (1:1)", "2304x1728 (4:3)", "1728x2304 (3:4)", "2560x1440 (16:9)", "1440x2560 (9:16)", "2496x1664 (3:2)", "1664x2496 (2:3)", "3024x1296 (21:9)"];
        Seedream40EditResolutionValues.All.Select(v => v.ToJsonValue()).ShouldBe(expected);
        foreach (Seedream40EditResolution value in Seedream40EditResolutionValues.All)
        {
            Seedream40EditResolutionValues.TryParse(value.ToJsonValue(), out var parsed).ShouldBeTrue();
            parsed.ShouldBe(value);
            (Edit("p") with { Resolution = value }).Validate().IsValid.ShouldBeTrue();
        }

        Seedream40EditResolution._2K.ToJsonValue().ShouldBe("2K");
        Seedream40EditResolution._2048x2048_1_1.ToJsonValue().ShouldBe("2048x2048 (1:1)");
        Seedream40EditResolutionValues.TryParse("2k", out _).ShouldBeFalse();
    }

    [Fact]
    public void Every_sequential_enum_value_converts_both_ways()
    {
        Seedream40EditSequentialImageGenerationOptionsValues.All.Select(v => v.ToJsonValue()).ShouldBe(Enumerable.Range(1, 15).Select(i => (long)i));
        ((long)Seedream40EditSequentialImageGenerationOptions.Value4).ShouldBe(4);
        Seedream40EditSequentialImageSizeValues.All.Select(v => v.ToJsonValue()).ShouldBe(
            ["2048:2048 (1:1)", "2304:1728 (4:3)", "1728:2304 (3:4)", "2560:1440 (16:9)", "1440:2560 (9:16)", "2496:1664 (3:2)", "1664:2496 (2:3)", "3024:1296 (21:9)"]);
        Seedream40EditSequentialImageSize._2560_1440_16_9.ToJsonValue().ShouldBe("2560:1440 (16:9)");
        Seedream40EditSequentialOptimizePromptOptions.Fast.ToJsonValue().ShouldBe("fast");
        Seedream40EditSequentialOptimizePromptOptionsValues.TryParse("standard", out var standard).ShouldBeTrue();
        standard.ShouldBe(Seedream40EditSequentialOptimizePromptOptions.Standard);
    }

    [Fact]
    public void An_undefined_enum_value_is_invalid_and_cannot_be_written()
    {
        var request = Edit("p") with { Resolution = (Seedream40EditResolution)42 };

        request.Validate().Errors.ShouldHaveSingleItem().Rule.ShouldBe("enum");
        Should.Throw<ArgumentOutOfRangeException>(() => request.ToJson());
    }

    [Fact]
    public void The_bundled_models_are_in_the_catalog_with_their_metadata()
    {
        ModelCatalog.Get("bytedance/seedream-4-0/edit").ShouldBeSameAs(Seedream40EditRequest.Metadata);
        ModelCatalog.Get("bytedance/seedream-4-0/edit-sequential").ShouldBeSameAs(Seedream40EditSequentialRequest.Metadata);

        ModelInfo edit = Seedream40EditRequest.Metadata;
        edit.RequestType.ShouldBe(typeof(Seedream40EditRequest));
        edit.SchemaJson.ShouldBe(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "seeds", "bytedance", "seedream-4-0", "edit.json")));
        edit.Parameters.Select(p => p.Name).ShouldBe(["prompt", "images", "resolution"]);
        ModelParameter resolution = edit.Parameters[2];
        resolution.PropertyName.ShouldBe("Resolution");
        resolution.DefaultJson.ShouldBe("\"2048x2048 (1:1)\"");
        resolution.EnumJson!.Count.ShouldBe(11);
        ModelParameter images = edit.Parameters[1];
        (images.IsMedia, images.Required, images.MinItems, images.MaxItems, images.ItemFormat).ShouldBe((true, true, 1, 10, "image_uri"));
        images.MediaRules.Count.ShouldBe(5);
        edit.Parameters[0].MaxLength.ShouldBe(600);
    }

    private static Seedream40EditRequest Edit(string prompt, int images = 1) =>
        new() { Prompt = prompt, Images = [.. Enumerable.Repeat<MediaInput>(Image, images)] };

    private static Seedream40EditSequentialRequest Sequential(string text = "Generate 3 images") =>
        new() { Text = text, Images = [Image] };
}
