using System.Text;
using RunComfy.Downloads;

namespace RunComfy.SchemaClient.Tests.Downloads;

public sealed class DownloadFileNameTests
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
        DownloadFileName.Sanitize(input, "fallback").ShouldBe(expected);

    [Theory]
    [InlineData("CON")]
    [InlineData("con.png")]
    [InlineData("NUL.txt")]
    [InlineData("COM1.jpg")]
    [InlineData("lpt9")]
    [InlineData("NUL.tar.gz")]
    [InlineData("con.final.png")]
    [InlineData("AUX .a.b")]
    public void Defuses_windows_device_names(string input)
    {
        var name = DownloadFileName.Sanitize(input, "fallback");
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
        DownloadFileName.Sanitize(input, "output-1").ShouldBe("output-1");

    [Fact]
    public void Bounds_the_length_in_utf8_bytes_and_keeps_the_extension()
    {
        var name = DownloadFileName.Sanitize(new string('x', 500) + ".png", "fallback");
        Encoding.UTF8.GetByteCount(name).ShouldBe(DownloadFileName.MaxBytes);
        name.ShouldEndWith(".png");
    }

    [Fact]
    public void A_name_of_120_cjk_characters_fits_linux_name_max()
    {
        // 120 characters but 360 UTF-8 bytes: over Linux's 255-byte NAME_MAX before the cap counted bytes.
        var name = DownloadFileName.Sanitize(new string('猫', 120) + ".png", "fallback");

        Encoding.UTF8.GetByteCount(name).ShouldBeLessThanOrEqualTo(DownloadFileName.MaxBytes);
        name.ShouldBe(new string('猫', 65) + ".png");
    }

    [Fact]
    public void The_cut_never_splits_a_surrogate_pair_or_a_grapheme()
    {
        // "🐱" is a surrogate pair (4 bytes); "e\u0301" is one grapheme of two characters (3 bytes).
        foreach (var unit in new[] { "🐱", "e\u0301", "👩\u200d💻" })
        {
            var name = DownloadFileName.Sanitize(string.Concat(Enumerable.Repeat(unit, 200)) + ".png", "fallback");

            Encoding.UTF8.GetByteCount(name).ShouldBeLessThanOrEqualTo(DownloadFileName.MaxBytes);
            var stem = name[..^4];
            stem.Length.ShouldBeGreaterThan(0);
            (stem.Length % unit.Length).ShouldBe(0, unit);
            stem.ShouldBe(string.Concat(Enumerable.Repeat(unit, stem.Length / unit.Length)));
        }
    }

    [Fact]
    public void Lone_surrogates_controls_and_direction_overrides_are_replaced()
    {
        // Not theory data: xunit cannot serialise a lone surrogate into a test case name.
        DownloadFileName.Sanitize("a\ud800b.png", "fallback").ShouldBe("a_b.png");
        DownloadFileName.Sanitize("photo\u202egnp.exe", "fallback").ShouldBe("photo_gnp.exe");
        DownloadFileName.Sanitize("x\u001b[2Jy.png", "fallback").ShouldBe("x_[2Jy.png");
    }

    [Fact]
    public void Invisible_format_characters_are_replaced_so_no_two_names_look_alike()
    {
        // Built in code: xunit would mangle these characters in InlineData ids.
        DownloadFileName.Sanitize("out\u200B.png", "fallback").ShouldBe("out_.png");
        DownloadFileName.Sanitize("\uFEFFout.png", "fallback").ShouldBe("_out.png");
        DownloadFileName.Sanitize("out" + char.ConvertFromUtf32(0xE0041) + ".png", "fallback").ShouldBe("out_.png");
    }

    [Fact]
    public void An_emoji_sequence_keeps_its_joiner()
    {
        string family = char.ConvertFromUtf32(0x1F468) + "\u200D" + char.ConvertFromUtf32(0x1F469);

        DownloadFileName.Sanitize(family + ".png", "fallback").ShouldBe(family + ".png");
    }
}
