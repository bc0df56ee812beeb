using System.Text.Json;
using Newtonsoft.Json.Linq;
using RunComfy.Emulator.Validation;
using RunComfy.Metadata;

namespace RunComfy.SchemaClient.Tests.Emulator;

/// <summary>
/// The emulator's <c>pattern</c> check: ECMA 262 meaning, the same answers as the client's (two
/// independent translations, one corpus), and a time budget per submission outside any lock.
/// </summary>
public sealed class EmulatorPatternTests
{
    private const string SlowModel = "test/pattern/text";

    private const string SlowSchema = """{"type":"object","properties":{"code":{"type":"string","pattern":"^(a+)+$"},"codes":{"type":"array","items":{"type":"string","pattern":"^(a+)+$"}}}}""";

    private static readonly string Hostile = new string('a', 40) + "!";

    private static readonly string[] Patterns =
    [
        "^\\s$", "^\\S$", "^[\\s]$", "^[^\\s]$", "^[\\Sx]$", "^\\d+$", "^\\D$", "^[\\d]+$", "^\\w+$", "^\\W$", "^[a-z]+$",
        "^a.c$", "\\bcat\\b", "^\\p{L}+$", "^\\p{L}\\d$", "^[]", "^[^]$", "^(a)\\1$", "^\\cC$", "^\\t$", "[$]", "a\\$", "^(?=a)\\w+$",
    ];

    private static readonly string[] Values =
    [
        " ", "\t", "\n", "\u000B", "\u00A0", "\u1680", "\u2000", "\u200A", "\u2028", "\u2029", "\u202F", "\u205F", "\u3000", "\uFEFF",
        "\u180E", "\u200B", "a", "x", "5", "55", "\u0661", "é", "été", "é5", "abc", "abc\n", "a\rc", "a\u2028c", "a-c", "écat", "cat", "aa",
        "\u0003", "", "a$b", "a$",
    ];

    [Fact]
    public void The_emulator_and_the_client_give_every_pattern_the_same_answer()
    {
        var disagreements = new List<string>();
        foreach (string pattern in Patterns)
        {
            foreach (string value in Values)
            {
                var client = new ValidationCollector();
                client.Pattern("code", value, pattern);
                var errors = new List<InputError>();
                new PatternChecker(TimeSpan.FromSeconds(5)).Check(pattern, value, FieldPath.Root.Property("code"), errors);

                bool clientValid = client.ToResult().IsValid;
                if (clientValid != (errors.Count == 0))
                {
                    disagreements.Add($"{pattern} against {JsonSerializer.Serialize(value)}: client {(clientValid ? "valid" : "invalid")}, emulator {(errors.Count == 0 ? "valid" : "invalid")}");
                }
            }
        }

        disagreements.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("\u00A0")]
    [InlineData("\u2003")]
    [InlineData("\u2028")]
    [InlineData("\u3000")]
    [InlineData("\uFEFF")]
    public void Backslash_s_accepts_the_ecma_262_unicode_spaces(string space)
    {
        var validator = new SubmissionValidator(JObject.Parse("""{"type":"object","properties":{"gap":{"type":"string","pattern":"^\\s$"}}}"""));
        validator.Validate(JsonSerializer.Serialize(new { gap = space }), media: null).ShouldBeEmpty();
        validator.Validate(JsonSerializer.Serialize(new { gap = "x" }), media: null).ShouldHaveSingleItem().Rule.ShouldBe("pattern");
    }

    [Fact]
    public void A_submission_spends_at_most_its_pattern_budget_and_each_unchecked_value_is_an_error_naming_its_field()
    {
        var validator = new SubmissionValidator(JObject.Parse(SlowSchema));
        string body = JsonSerializer.Serialize(new { code = Hostile, codes = new[] { Hostile, Hostile, "aaa" } });

        var errors = validator.Validate(body, media: null, patternBudget: TimeSpan.FromMilliseconds(100));

        errors.Select(e => (e.Path.ToString(), e.Rule)).ShouldBe(
        [
            ("code", "pattern"),
            ("codes[0]", "pattern"),
            ("codes[1]", "pattern"),
            ("codes[2]", "pattern"),
        ]);
        errors[0].Message.ShouldBe("The value could not be checked against the pattern within 0.1 s.");
        errors[3].Message.ShouldBe("The value was not checked against the pattern: this submission spent its 0.1 s for patterns.");
    }

    [Fact]
    public async Task A_catastrophic_pattern_on_one_submit_does_not_hold_another_submit_to_the_same_model()
    {
        // A budget long enough that the hostile submit is surely still matching when the second one is answered.
        await using var emulator = await EmulatorHarness.StartAsync(o =>
        {
            o.PatternBudget = TimeSpan.FromSeconds(10);
            o.ExtraSchemas[SlowModel] = SlowSchema;
        });

        Task<HttpResponseMessage> hostile = emulator.SubmitAsync(JsonSerializer.Serialize(new { code = Hostile }), SlowModel);
        for (int polls = 0; emulator.Server.Stats.SubmitCalls < 1; polls++)
        {
            polls.ShouldBeLessThan(1_000, "the hostile submit never reached the emulator");
            await Task.Delay(10);
        }

        // The order of the two answers is the point, not how fast the second comes: no fixed bound a loaded machine could miss.
        Task<HttpResponseMessage> secondSubmit = emulator.SubmitAsync(JsonSerializer.Serialize(new { code = "aaa" }), SlowModel);
        (await Task.WhenAny(hostile, secondSubmit).WaitAsync(TimeSpan.FromSeconds(60))).ShouldBe(secondSubmit, "the second submit was held until the hostile one was refused");
        using (HttpResponseMessage second = await secondSubmit)
        {
            ((int)second.StatusCode).ShouldBe(200);
        }

        using HttpResponseMessage refused = await hostile.WaitAsync(TimeSpan.FromSeconds(60));
        JsonElement answer = await EmulatorHarness.ReadJsonAsync(refused);
        ((int)refused.StatusCode).ShouldBe(422, answer.ToString());
        JsonElement detail = answer.GetProperty("detail").EnumerateArray().ShouldHaveSingleItem();
        detail.GetProperty("field").GetString().ShouldBe("code");
        detail.GetProperty("type").GetString().ShouldBe("pattern");
    }

    [Fact]
    public void No_pattern_in_any_schema_position_reaches_NJsonSchema()
    {
        // NJsonSchema matches with no timeout: a pattern left anywhere (or a patternProperties key) would pin a thread.
        var raw = JObject.Parse("""
            {"type":"object","patternProperties":{"^(a+)+$":{}},"properties":{
              "t":{"type":"array","items":[{}],"additionalItems":{"type":"string","pattern":"^(a+)+$"}},
              "o":{"type":"object","additionalProperties":{"type":"string","pattern":"^(a+)+$"}},
              "c":{"if":{"pattern":"^(a+)+$"},"then":{"pattern":"^(a+)+$"},"else":{"not":{"pattern":"^(a+)+$"}}}}}
            """);

        var prepared = SchemaNormalizer.ForNJsonSchema(raw);

        prepared.ToString().ShouldNotContain("(a+)+");
        prepared.ContainsKey("patternProperties").ShouldBeFalse();
        raw.ToString().ShouldContain("(a+)+"); // the loaded schema itself is untouched
    }
}
