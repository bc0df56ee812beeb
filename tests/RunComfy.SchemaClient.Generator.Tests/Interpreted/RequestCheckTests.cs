using System.Buffers.Binary;

namespace RunComfy.SchemaClient.Generator.Tests.Interpreted;

/// <summary>
/// <see cref="ModelInfo.Check"/> and <see cref="ModelInfo.CheckAsync"/>: a bad enum value no longer hides the
/// other problems; generated and run-time models give the same answer.
/// </summary>
public sealed class RequestCheckTests
{
    private const string ModelId = "bytedance/seedream-4-0/edit";

    public static TheoryData<bool> BothModels => new() { false, true };

    private static ModelInfo Model(bool loadedAtRunTime)
    {
        ModelInfo generated = ModelCatalog.Get(ModelId);
        return loadedAtRunTime ? ModelInfo.FromSchema(ModelId, generated.SchemaJson) : generated;
    }

    [Theory]
    [MemberData(nameof(BothModels))]
    public void Parse_problems_and_validation_problems_are_reported_together(bool loadedAtRunTime)
    {
        string body = "{\"prompt\":\"" + new string('x', 601) + "\",\"images\":[],\"resolution\":\"8K\"}";
        RequestCheck check = Model(loadedAtRunTime).Check(body);

        check.IsValid.ShouldBeFalse();
        check.Request.ShouldBeNull();
        check.ParseErrors.Select(e => (e.Path, e.Rule)).ShouldBe([("resolution", "enum")]);
        check.ValidationErrors.Select(e => (e.Path, e.Rule)).ShouldBe([("prompt", "maxLength"), ("images", "minItems")]);
        check.Errors.Count.ShouldBe(3);
    }

    [Theory]
    [MemberData(nameof(BothModels))]
    public void A_mistyped_required_field_is_reported_once(bool loadedAtRunTime)
    {
        RequestCheck check = Model(loadedAtRunTime).Check("{\"prompt\":5,\"images\":\"https://example.com/a.png\"}");
        check.Errors.Select(e => (e.Path, e.Rule)).ShouldBe([("prompt", "type"), ("images", "type")]);
    }

    [Theory]
    [MemberData(nameof(BothModels))]
    public void A_valid_body_has_its_request(bool loadedAtRunTime)
    {
        RequestCheck check = Model(loadedAtRunTime).Check("{\"prompt\":\"a cat\",\"images\":[\"https://example.com/a.png\"]}");
        check.IsValid.ShouldBeTrue();
        check.Errors.ShouldBeEmpty();
        check.Request.ShouldNotBeNull().ModelId.ShouldBe(ModelId);
    }

    [Fact]
    public void Text_that_is_not_a_json_object_is_one_parse_problem()
    {
        RequestCheck check = Model(true).Check("[1]");
        check.ParseErrors.Single().Rule.ShouldBe("type");
        check.ValidationErrors.ShouldBeEmpty();
    }

    [Theory]
    [MemberData(nameof(BothModels))]
    public async Task Media_problems_come_with_parse_and_validation_problems(bool loadedAtRunTime)
    {
        string tiny = "data:image/png;base64," + Convert.ToBase64String(Png(10, 10));
        string body = "{\"prompt\":\"" + new string('x', 601) + "\",\"images\":[\"" + tiny + "\"],\"resolution\":\"8K\"}";

        RequestCheck check = await Model(loadedAtRunTime).CheckAsync(body);

        check.ParseErrors.Select(e => e.Rule).ShouldBe(["enum"]);
        check.ValidationErrors.Select(e => e.Rule).ShouldBe(["maxLength"]);
        check.MediaErrors.Select(e => (e.Path, e.Rule)).ShouldBe([("images[0]", "width_pixels>"), ("images[0]", "height_pixels>")]);
        check.MediaErrors[0].Message.ShouldContain("10x10 px");
    }

    /// <summary>A PNG signature and IHDR chunk: all a header reader needs for the pixel size.</summary>
    private static byte[] Png(int width, int height)
    {
        byte[] png = new byte[33];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(png, 0);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(8), 13);
        "IHDR"u8.CopyTo(png.AsSpan(12));
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        png[24] = 8;
        png[25] = 2;
        return png;
    }
}
