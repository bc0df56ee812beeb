using RunComfy.Cli.Downloads;

namespace RunComfy.SchemaClient.Cli.Tests.Downloads;

public sealed class FileNameSanitizerTests
{
    [Theory]
    [InlineData("../../etc/passwd", "passwd")]
    [InlineData("..\\..\\Windows\\win.ini", "win.ini")]
    [InlineData("/abs/path/out.png", "out.png")]
    [InlineData("out.png", "out.png")]
    [InlineData("a:b*c?.png", "a_b_c_.png")]
    [InlineData("tab\there.png", "tab_here.png")]
    [InlineData(".bashrc", "bashrc")]
    [InlineData("name. . ", "name")]
    public void Keeps_only_a_safe_last_segment(string input, string expected) =>
        FileNameSanitizer.Sanitize(input, "fallback").ShouldBe(expected);

    [Theory]
    [InlineData("CON")]
    [InlineData("con.png")]
    [InlineData("NUL.txt")]
    [InlineData("COM1.jpg")]
    [InlineData("lpt9")]
    public void Defuses_windows_device_names(string input)
    {
        var name = FileNameSanitizer.Sanitize(input, "fallback");
        name.ShouldStartWith("_");
        name[1..].ShouldBe(input, StringCompareShould.IgnoreCase);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("/")]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("images/")]
    [InlineData("???")]
    public void Falls_back_when_nothing_usable_is_left(string? input) =>
        FileNameSanitizer.Sanitize(input, "output-1").ShouldBe("output-1");

    [Fact]
    public void Bounds_the_length_and_keeps_the_extension()
    {
        var name = FileNameSanitizer.Sanitize(new string('x', 500) + ".png", "fallback");
        name.Length.ShouldBeLessThanOrEqualTo(120);
        name.ShouldEndWith(".png");
    }
}
