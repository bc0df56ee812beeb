using RunComfy.Client.Wire;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>The one path server text takes: redacted whole, then cleaned of terminal controls, then cut on a text-element boundary.</summary>
public sealed class ServerTextTests
{
    private const string Secret = "rc_live_S3CR3T_token_0123456789";

    [Theory]
    [InlineData("\u001b]0;TITLE\u0007\u001b[2Jok", "ok")]                 // OSC ended by BEL, then CSI
    [InlineData("a\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\b", "alinkb")] // OSC 8 hyperlinks ended by ST
    [InlineData("\u009b31mred\u009b0m", "red")]                             // 8-bit CSI
    [InlineData("\u009d0;t\u009cx", "x")]                                   // 8-bit OSC and ST
    [InlineData("a\u001bPdcs\u001b\\b", "ab")]                              // DCS
    [InlineData("a\u001b7b\u001b8c", "abc")]                                // two-character escapes
    [InlineData("line1\r\nline2\tx", "line1  line2 x")]                     // breaks and tabs become spaces
    [InlineData("a\u0000b\u007fc\u0085d", "abc d")]                        // NUL and DEL dropped, NEL a break
    [InlineData("abc\u202egnp.exe", "abcgnp.exe")]                          // direction override dropped
    [InlineData("trailing\u001b", "trailing")]
    [InlineData("plain text, untouched", "plain text, untouched")]
    public void Strips_escape_sequences_and_control_characters(string input, string expected) =>
        ServerText.StripControls(input).ShouldBe(expected);

    [Fact]
    public void Lone_surrogates_become_replacement_characters_and_pairs_stay()
    {
        ServerText.StripControls("a\ud800b\udc00c🐱").ShouldBe("a\ufffdb\ufffdc🐱");
    }

    [Fact]
    public void Redacts_the_secret_as_sent_and_percent_encoded()
    {
        const string withSlash = "rc_live/S3CR3T+token";

        ServerText.Redact($"x {Secret} y {Secret}", Secret).ShouldBe("x *** y ***");
        ServerText.Redact($"url?t={Uri.EscapeDataString(withSlash)}", withSlash).ShouldBe("url?t=***");
        ServerText.Redact("no secret here", Secret).ShouldBe("no secret here");
    }

    [Fact]
    public void Secrets_shorter_than_eight_characters_are_not_searched_for()
    {
        ServerText.Redact("the status is in_queue", "t").ShouldBe("the status is in_queue");
        ServerText.Contains("dev dev", "dev").ShouldBeFalse();
    }

    [Fact]
    public void A_secret_crossing_the_cut_is_redacted_before_the_cut()
    {
        var text = new string('x', 195) + Secret + " tail";

        var shown = ServerText.ForMessage(text, Secret, 200)!;

        shown.ShouldBe(new string('x', 195) + "***" + " …");
        shown.ShouldNotContain(Secret[..4]);
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair_or_a_grapheme()
    {
        var cats = string.Concat(Enumerable.Repeat("🐱", 50));
        var accents = string.Concat(Enumerable.Repeat("e\u0301", 50));

        ServerText.Cut(cats, 10).ShouldBe(string.Concat(Enumerable.Repeat("🐱", 4)) + "…");
        ServerText.Cut(accents, 10).ShouldBe(string.Concat(Enumerable.Repeat("e\u0301", 4)) + "…");
    }

    [Fact]
    public void Json_escapes_are_decoded_so_an_escaped_secret_is_found()
    {
        var escaped = "\\u0072" + Secret[1..];

        ServerText.ForMessage(ServerText.DecodeJsonEscapes($"{{\"m\":\"{escaped}\\n"), Secret).ShouldBe("{\"m\":\"***");
    }

    [Fact]
    public void A_json_string_that_cannot_be_decoded_keeps_its_escapes()
    {
        using var document = System.Text.Json.JsonDocument.Parse("""{"id":"abc\ud800"}""");

        ServerText.JsonString(document.RootElement.GetProperty("id")).ShouldBe("abc\\ud800");
    }

    [Fact]
    public void Json_answers_are_redacted_in_every_string_and_left_alone_without_the_secret()
    {
        using var document = System.Text.Json.JsonDocument.Parse($$"""{"a":["{{Secret}}",{"b":"x {{Secret}}"}],"n":1,"c":"clean"}""");
        using var clean = System.Text.Json.JsonDocument.Parse("""{"a":"clean"}""");

        ServerText.RedactJson(document.RootElement, Secret).GetRawText().ShouldBe("""{"a":["***",{"b":"x ***"}],"n":1,"c":"clean"}""");
        ServerText.RedactJson(clean.RootElement, Secret).GetRawText().ShouldBe("""{"a":"clean"}""");
    }

    [Fact]
    public void Only_a_body_that_may_hold_the_secret_is_walked()
    {
        ServerText.MayHold("""{"status":"in_queue"}"""u8, Secret).ShouldBeFalse();
        ServerText.MayHold(System.Text.Encoding.UTF8.GetBytes($"x{Secret}x"), Secret).ShouldBeTrue();
        ServerText.MayHold("""{"m":"\u0072c"}"""u8, Secret).ShouldBeTrue();
        ServerText.MayHold("""{"m":"a%5Fb"}"""u8, Secret).ShouldBeTrue();
        ServerText.MayHold("""{"m":"x"}"""u8, "short").ShouldBeFalse();
    }
}
