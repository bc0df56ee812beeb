namespace RunComfy.SchemaClient.Media.Tests.Inputs;

/// <summary><see cref="MediaInput.ToString"/>: short, bounded, and never a secret (user info, query, data URI content).</summary>
public sealed class MediaInputDisplayTests
{
    [Fact]
    public void A_signed_url_loses_its_query_and_user_info()
    {
        MediaInput media = "https://alice:hunter2@cdn.example.com/uploads/cat.png?X-Amz-Signature=SECRETSIG&token=SECRETTOKEN";

        media.ToString().ShouldBe("https://cdn.example.com/uploads/cat.png?...");
    }

    [Fact]
    public void A_malformed_url_loses_its_query_and_user_info_too()
    {
        MediaInput media = "https://alice:hunter2@cdn example.com/my cat.png?token=SECRETTOKEN#frag";

        string shown = media.ToString();

        shown.ShouldBe("https://cdn example.com/my cat.png?...");
        shown.ShouldNotContain("hunter2");
        shown.ShouldNotContain("SECRETTOKEN");
    }

    [Theory]
    [InlineData("https://alice:hunt/er2@cdn.example.com/cat.png?token=SECRETTOKEN", "https://\u2026@cdn.example.com/cat.png?...")]
    [InlineData("https://alice:hunt?er2@cdn.example.com/cat.png", "https://\u2026")]
    [InlineData("https://alice:hunt#er2@cdn.example.com/cat.png", "https://\u2026")]
    [InlineData("//alice:hunt/er2@cdn.example.com/cat.png", "//\u2026@cdn.example.com/cat.png")]
    public void A_password_with_an_unescaped_slash_or_question_mark_is_not_shown(string url, string expected)
    {
        // Not well formed (the password is not escaped), so the URL parser cannot find the user info.
        string shown = MediaInput.FromUrl(url).ToString();

        shown.ShouldBe(expected);
        shown.ShouldNotContain("hunt");
        shown.ShouldNotContain("alice");
    }

    [Fact]
    public void An_at_sign_in_the_query_of_a_malformed_url_does_not_show_the_rest_of_the_query()
    {
        string shown = MediaInput.FromUrl("https://cdn example.com/cat.png?mail=a@b&token=SECRETTOKEN").ToString();

        shown.ShouldNotContain("SECRETTOKEN");
        shown.ShouldBe("https://\u2026");
    }

    [Fact]
    public void A_url_without_query_is_shown_as_given()
    {
        MediaInput media = "https://cdn.example.com/cat.png";

        media.ToString().ShouldBe("https://cdn.example.com/cat.png");
    }

    [Fact]
    public void A_huge_data_uri_shows_its_type_and_decoded_size_only()
    {
        var payload = new byte[12_345];
        MediaInput media = "data:image/png;base64," + Convert.ToBase64String(payload);

        media.ToString().ShouldBe("data:image/png;base64,\u2026(12,345 bytes)");
    }

    [Fact]
    public void A_broken_data_uri_shows_its_length_only()
    {
        MediaInput media = "data:" + new string('x', 5000);

        media.ToString().ShouldBe("data:\u2026(5,005 chars)");
    }

    [Fact]
    public void A_long_url_is_cut_and_control_characters_are_replaced()
    {
        MediaInput media = "https://cdn.example.com/" + new string('a', 500) + ".png";
        MediaInput forged = MediaInput.FromUrl("https://cdn.example.com/a\u202Egnp.exe\nINFO forged");

        media.ToString().Length.ShouldBe(201);
        media.ToString().ShouldEndWith("a\u2026");
        forged.ToString().ShouldNotContain("\n");
        forged.ToString().ShouldNotContain("\u202E");
    }

    [Fact]
    public void Bytes_show_their_origin_and_size()
    {
        MediaInput.FromBytes(new byte[2048]).ToString().ShouldBe("in-memory content (2,048 bytes)");
    }
}
