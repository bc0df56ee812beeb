using RunComfy.Cli.Exit;
using RunComfy.Cli.Rendering;
using RunComfy.Cli.Schemas;

namespace RunComfy.SchemaClient.Cli.Tests.Schemas;

public sealed class SchemaFilesTests
{
    [Theory]
    [InlineData("bytedance/seedream-4-0/edit")]
    [InlineData("kling/kling-3.0/pro/text-to-video")]
    [InlineData("a_b/c")]
    public void Model_ids_map_to_json_files_under_the_folder(string id)
    {
        var root = Path.Combine(Path.GetTempPath(), "schemas-root");
        SchemaFiles.Problem(id).ShouldBeNull();
        SchemaFiles.PathOf(root, id).ShouldBe(Path.Combine(root, Path.Combine(id.Split('/')) + ".json"));
    }

    [Theory]
    [InlineData("../evil")]
    [InlineData("a/../../evil")]
    [InlineData("/etc/passwd")]
    [InlineData("C:\\windows\\x")]
    [InlineData("a//b")]
    [InlineData("a/.hidden")]
    [InlineData("a/b.")]
    [InlineData("a/b c")]
    [InlineData("a/b\u001b[31m")]
    [InlineData("a/b?x")]
    [InlineData("")]
    [InlineData("a/\u0430b")]
    public void Ids_that_could_escape_the_folder_or_hide_are_refused(string id)
    {
        SchemaFiles.Problem(id).ShouldNotBeNull();
        Should.Throw<CliException>(() => SchemaFiles.PathOf(Path.GetTempPath(), id)).ExitCode.ShouldBe(ExitCodes.Usage);
    }

    [Fact]
    public void A_refused_id_is_shown_without_its_control_characters()
    {
        SchemaFiles.Problem("a/b\u001b[2Jc")!.ShouldNotContain("\u001b");
    }

    [Fact]
    public void Server_text_loses_control_and_direction_characters_and_is_bounded()
    {
        Printable.Short("red\u001b[31m\r\nfox\u202e").ShouldBe("red  fox");
        Printable.Short(new string('x', 2000)).ShouldBe(new string('x', 499) + "…");
        Printable.Short(null).ShouldBe("");
    }
}
