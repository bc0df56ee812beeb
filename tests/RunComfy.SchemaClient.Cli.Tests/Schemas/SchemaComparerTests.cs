using System.Text.Json.Nodes;
using RunComfy.Cli.Schemas;

namespace RunComfy.SchemaClient.Cli.Tests.Schemas;

/// <summary>One test per kind of change: what it is called, and whether it breaks code built on the old schema.</summary>
public sealed class SchemaComparerTests
{
    private const string Base = """
        {
          "type": "object",
          "title": "Input",
          "required": ["prompt", "images"],
          "properties": {
            "prompt": { "title": "Prompt", "description": "What to draw", "type": "string", "minLength": 1, "maxLength": 600 },
            "images": {
              "type": "array", "items": { "type": "string", "format": "image_uri" }, "minItems": 1, "maxItems": 10,
              "validations": [
                { "validation_rule": "file_size_mb<", "validation_value": 10, "validation_error": "At most 10 MB." },
                { "validation_rule": "width_pixels>", "validation_value": 14, "validation_error": "Wider than 14 px." }
              ]
            },
            "resolution": { "type": "string", "enum": ["1K", "2K", "4K"], "default": "2K" },
            "duration": { "type": "integer", "minimum": 3, "maximum": 15, "default": 5 },
            "seed": { "type": "integer" }
          }
        }
        """;

    /// <summary>The base schema with one edit applied.</summary>
    private static string Edit(Action<JsonObject> edit)
    {
        var schema = JsonNode.Parse(Base)!.AsObject();
        edit(schema);
        return schema.ToJsonString();
    }

    private static JsonObject Property(JsonObject schema, string name) => schema["properties"]![name]!.AsObject();

    private static SchemaChange Single(Action<JsonObject> edit) => SchemaComparer.Compare(Base, Edit(edit)).ShouldHaveSingleItem();

    [Fact]
    public void The_same_schema_has_no_changes_whatever_its_layout()
    {
        SchemaComparer.Compare(Base, JsonNode.Parse(Base)!.ToJsonString()).ShouldBeEmpty();
    }

    [Fact]
    public void A_removed_property_is_breaking()
    {
        var change = Single(s => s["properties"]!.AsObject().Remove("seed"));
        change.ShouldBe(new SchemaChange("seed", SchemaChangeKind.PropertyRemoved, true, "property 'seed' was removed"));
    }

    [Fact]
    public void A_new_optional_property_is_compatible_and_a_new_required_one_breaking()
    {
        Single(s => s["properties"]!.AsObject()["style"] = new JsonObject { ["type"] = "string" })
            .ShouldBe(new SchemaChange("style", SchemaChangeKind.PropertyAdded, false, "new optional property 'style'"));

        var required = Single(s =>
        {
            s["properties"]!.AsObject()["style"] = new JsonObject { ["type"] = "string" };
            s["required"]!.AsArray().Add("style");
        });
        required.Kind.ShouldBe(SchemaChangeKind.PropertyAdded);
        required.Breaking.ShouldBeTrue();
        required.Message.ShouldBe("new required property 'style'");
    }

    [Fact]
    public void A_property_that_became_required_is_breaking_and_one_that_became_optional_compatible()
    {
        Single(s => s["required"]!.AsArray().Add("seed"))
            .ShouldBe(new SchemaChange("seed", SchemaChangeKind.BecameRequired, true, "property 'seed' is now required"));
        Single(s => s["required"] = new JsonArray("prompt"))
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.BecameOptional, false, "property 'images' is now optional"));
    }

    [Fact]
    public void An_enum_value_removed_is_breaking_and_one_added_compatible()
    {
        Single(s => Property(s, "resolution")["enum"] = new JsonArray("1K", "2K"))
            .ShouldBe(new SchemaChange("resolution", SchemaChangeKind.EnumValueRemoved, true, "value \"4K\" of 'resolution' was removed"));
        Single(s => Property(s, "resolution")["enum"] = new JsonArray("1K", "2K", "4K", "8K"))
            .ShouldBe(new SchemaChange("resolution", SchemaChangeKind.EnumValueAdded, false, "value \"8K\" of 'resolution' was added"));
    }

    [Fact]
    public void An_enum_on_a_free_property_tightens_and_dropping_one_loosens()
    {
        var added = Single(s => Property(s, "seed")["enum"] = new JsonArray(1, 2));
        added.Kind.ShouldBe(SchemaChangeKind.LimitTightened);
        added.Breaking.ShouldBeTrue();
        var dropped = Single(s => Property(s, "resolution").Remove("enum"));
        dropped.Kind.ShouldBe(SchemaChangeKind.LimitLoosened);
        dropped.Breaking.ShouldBeFalse();
    }

    [Theory]
    [InlineData("seed", "type", "string", "type of 'seed' changed from integer to string")]
    [InlineData("images", "items", null, "type of 'images' changed from array of string (image_uri) to array")]
    public void A_type_change_is_breaking(string property, string keyword, string? value, string message)
    {
        var change = Single(s =>
        {
            if (value is null) Property(s, property).Remove(keyword);
            else Property(s, property)[keyword] = value;
        });
        change.ShouldBe(new SchemaChange(property, SchemaChangeKind.TypeChanged, true, message));
    }

    [Fact]
    public void A_format_change_is_a_type_change()
    {
        var change = Single(s => Property(s, "images")["items"]!["format"] = "video_uri");
        change.Kind.ShouldBe(SchemaChangeKind.TypeChanged);
        change.Breaking.ShouldBeTrue();
    }

    [Fact]
    public void Published_float_and_curated_number_are_the_same_type_so_only_the_text_differs()
    {
        var published = Edit(s => Property(s, "duration")["type"] = "float");
        var curated = Edit(s => Property(s, "duration")["type"] = "number");
        SchemaComparer.Compare(published, curated).ShouldHaveSingleItem().ShouldBe(new SchemaChange("", SchemaChangeKind.TextChanged, false, "other schema text changed"));
    }

    [Theory]
    [InlineData("duration", "minimum", 4, "minimum of 'duration' tightened: 3 -> 4", true)]
    [InlineData("duration", "minimum", 1, "minimum of 'duration' loosened: 3 -> 1", false)]
    [InlineData("duration", "maximum", 10, "maximum of 'duration' tightened: 15 -> 10", true)]
    [InlineData("duration", "maximum", 30, "maximum of 'duration' loosened: 15 -> 30", false)]
    [InlineData("prompt", "maxLength", 599, "maxLength of 'prompt' tightened: 600 -> 599", true)]
    [InlineData("prompt", "minLength", 0, "minLength of 'prompt' loosened: 1 -> 0", false)]
    [InlineData("images", "maxItems", 9, "maxItems of 'images' tightened: 10 -> 9", true)]
    [InlineData("images", "minItems", 2, "minItems of 'images' tightened: 1 -> 2", true)]
    [InlineData("seed", "minimum", 0, "minimum of 'seed' tightened: none -> 0", true)]
    public void Limits_tighten_or_loosen(string property, string keyword, int value, string message, bool breaking)
    {
        var change = Single(s => Property(s, property)[keyword] = value);
        change.ShouldBe(new SchemaChange(property, breaking ? SchemaChangeKind.LimitTightened : SchemaChangeKind.LimitLoosened, breaking, message));
    }

    [Fact]
    public void A_dropped_limit_loosens_and_a_draft4_exclusive_bound_tightens()
    {
        Single(s => Property(s, "duration").Remove("maximum"))
            .ShouldBe(new SchemaChange("duration", SchemaChangeKind.LimitLoosened, false, "maximum of 'duration' loosened: 15 -> none"));
        var exclusive = SchemaComparer.Compare(Base, Edit(s => Property(s, "duration")["exclusiveMaximum"] = true));
        exclusive.ShouldContain(c => c.Breaking && c.Message == "exclusive maximum of 'duration' tightened: none -> 15");
    }

    [Fact]
    public void A_new_or_changed_pattern_is_breaking_and_a_dropped_one_compatible()
    {
        Single(s => Property(s, "prompt")["pattern"] = "^[a-z]+$").Breaking.ShouldBeTrue();
        var withPattern = Edit(s => Property(s, "prompt")["pattern"] = "^[a-z]+$");
        SchemaComparer.Compare(withPattern, Base).ShouldHaveSingleItem().Breaking.ShouldBeFalse();
    }

    [Fact]
    public void A_new_or_changed_const_is_breaking_and_a_dropped_one_compatible()
    {
        Single(s => Property(s, "seed")["const"] = 1)
            .ShouldBe(new SchemaChange("seed", SchemaChangeKind.LimitTightened, true, "'seed' now has to be 1"));

        var withConst = Edit(s => Property(s, "seed")["const"] = 1);
        SchemaComparer.Compare(withConst, Edit(s => Property(s, "seed")["const"] = 2)).ShouldHaveSingleItem()
            .ShouldBe(new SchemaChange("seed", SchemaChangeKind.LimitTightened, true, "const of 'seed' changed from 1 to 2"));
        SchemaComparer.Compare(withConst, Base).ShouldHaveSingleItem()
            .ShouldBe(new SchemaChange("seed", SchemaChangeKind.LimitLoosened, false, "'seed' no longer has to be 1"));
    }

    [Fact]
    public void An_item_enum_value_removed_is_breaking_and_one_added_compatible()
    {
        var withEnum = Edit(s => Property(s, "images")["items"]!["enum"] = new JsonArray("a", "b"));
        SchemaComparer.Compare(withEnum, Edit(s => Property(s, "images")["items"]!["enum"] = new JsonArray("a"))).ShouldHaveSingleItem()
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.EnumValueRemoved, true, "item value \"b\" of 'images' was removed"));
        SchemaComparer.Compare(withEnum, Edit(s => Property(s, "images")["items"]!["enum"] = new JsonArray("a", "b", "c"))).ShouldHaveSingleItem()
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.EnumValueAdded, false, "item value \"c\" of 'images' was added"));
    }

    [Fact]
    public void An_item_enum_on_free_items_tightens_and_dropping_one_loosens()
    {
        var withEnum = Edit(s => Property(s, "images")["items"]!["enum"] = new JsonArray("a", "b"));
        SchemaComparer.Compare(Base, withEnum).ShouldHaveSingleItem()
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.LimitTightened, true, "items of 'images' are now limited to: \"a\", \"b\""));
        SchemaComparer.Compare(withEnum, Base).ShouldHaveSingleItem()
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.LimitLoosened, false, "items of 'images' are no longer limited to a list of values"));
    }

    [Theory]
    [InlineData("minLength", 5, "item minLength of 'images' tightened: 2 -> 5", true)]
    [InlineData("minLength", 1, "item minLength of 'images' loosened: 2 -> 1", false)]
    [InlineData("maxLength", 100, "item maxLength of 'images' tightened: 200 -> 100", true)]
    [InlineData("maxLength", 300, "item maxLength of 'images' loosened: 200 -> 300", false)]
    public void Item_length_limits_tighten_or_loosen(string keyword, int value, string message, bool breaking)
    {
        static void Limits(JsonObject s)
        {
            Property(s, "images")["items"]!["minLength"] = 2;
            Property(s, "images")["items"]!["maxLength"] = 200;
        }

        var change = SchemaComparer.Compare(Edit(Limits), Edit(s =>
        {
            Limits(s);
            Property(s, "images")["items"]![keyword] = value;
        })).ShouldHaveSingleItem();
        change.ShouldBe(new SchemaChange("images", breaking ? SchemaChangeKind.LimitTightened : SchemaChangeKind.LimitLoosened, breaking, message));
    }

    [Fact]
    public void A_new_item_length_limit_is_breaking_and_a_dropped_one_compatible()
    {
        Single(s => Property(s, "images")["items"]!["maxLength"] = 200)
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.LimitTightened, true, "item maxLength of 'images' tightened: none -> 200"));
        var withLimit = Edit(s => Property(s, "images")["items"]!["minLength"] = 2);
        SchemaComparer.Compare(withLimit, Base).ShouldHaveSingleItem()
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.LimitLoosened, false, "item minLength of 'images' loosened: 2 -> none"));
    }

    [Theory]
    [InlineData("minimum", 0.5, "item minimum of 'weights' tightened: 0 -> 0.5", true)]
    [InlineData("minimum", -1, "item minimum of 'weights' loosened: 0 -> -1", false)]
    [InlineData("maximum", 0.5, "item maximum of 'weights' tightened: 1 -> 0.5", true)]
    [InlineData("maximum", 2, "item maximum of 'weights' loosened: 1 -> 2", false)]
    [InlineData("exclusiveMaximum", 0.9, "item exclusive maximum of 'weights' tightened: none -> 0.9", true)]
    public void Item_number_limits_tighten_or_loosen(string keyword, double value, string message, bool breaking)
    {
        static void Weights(JsonObject s) => s["properties"]!["weights"] = new JsonObject
        {
            ["type"] = "array",
            ["items"] = new JsonObject { ["type"] = "number", ["minimum"] = 0, ["maximum"] = 1 },
        };

        var change = SchemaComparer.Compare(Edit(Weights), Edit(s =>
        {
            Weights(s);
            Property(s, "weights")["items"]![keyword] = value;
        })).ShouldHaveSingleItem();
        change.ShouldBe(new SchemaChange("weights", breaking ? SchemaChangeKind.LimitTightened : SchemaChangeKind.LimitLoosened, breaking, message));
    }

    [Fact]
    public void A_new_or_changed_item_pattern_is_breaking_and_a_dropped_one_compatible()
    {
        Single(s => Property(s, "images")["items"]!["pattern"] = "^https://")
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.LimitTightened, true, "items of 'images' now have to match ^https://"));

        var withPattern = Edit(s => Property(s, "images")["items"]!["pattern"] = "^https://");
        SchemaComparer.Compare(withPattern, Edit(s => Property(s, "images")["items"]!["pattern"] = "^https?://")).ShouldHaveSingleItem()
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.LimitTightened, true, "item pattern of 'images' changed from ^https:// to ^https?://"));
        SchemaComparer.Compare(withPattern, Base).ShouldHaveSingleItem()
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.LimitLoosened, false, "items of 'images' no longer have to match ^https://"));
    }

    [Theory]
    [InlineData(0, 5, true, "media rule file_size_mb< on 'images' tightened: 10 -> 5")]
    [InlineData(0, 20, false, "media rule file_size_mb< on 'images' loosened: 10 -> 20")]
    [InlineData(1, 20, true, "media rule width_pixels> on 'images' tightened: 14 -> 20")]
    [InlineData(1, 1, false, "media rule width_pixels> on 'images' loosened: 14 -> 1")]
    public void Media_rules_tighten_or_loosen_by_their_direction(int index, double value, bool breaking, string message)
    {
        var change = Single(s => Property(s, "images")["validations"]![index]!["validation_value"] = value);
        change.ShouldBe(new SchemaChange("images", breaking ? SchemaChangeKind.MediaRuleTightened : SchemaChangeKind.MediaRuleLoosened, breaking, message));
    }

    [Fact]
    public void A_new_media_rule_is_breaking_and_a_removed_one_compatible()
    {
        var added = Single(s => Property(s, "images")["validations"]!.AsArray().Add(new JsonObject
        {
            ["validation_rule"] = "height_pixels>", ["validation_value"] = "14", ["validation_error"] = "Wider than 14 px.",
        }));
        added.ShouldBe(new SchemaChange("images", SchemaChangeKind.MediaRuleTightened, true, "new media rule on 'images': height_pixels> 14"));

        var removed = Single(s => Property(s, "images")["validations"]!.AsArray().RemoveAt(1));
        removed.ShouldBe(new SchemaChange("images", SchemaChangeKind.MediaRuleLoosened, false, "media rule width_pixels> on 'images' was removed"));
    }

    [Fact]
    public void Text_and_default_changes_are_compatible()
    {
        Single(s => Property(s, "prompt")["description"] = "What to draw, in English")
            .ShouldBe(new SchemaChange("prompt", SchemaChangeKind.TextChanged, false, "title or description of 'prompt' changed"));
        Single(s => Property(s, "images")["validations"]![0]!["validation_error"] = "Too big.")
            .ShouldBe(new SchemaChange("images", SchemaChangeKind.TextChanged, false, "a media rule message of 'images' changed"));
        Single(s => Property(s, "duration")["default"] = 10)
            .ShouldBe(new SchemaChange("duration", SchemaChangeKind.DefaultChanged, false, "default of 'duration' changed from 5 to 10"));
        Single(s => s["title"] = "Schema di input")
            .ShouldBe(new SchemaChange("", SchemaChangeKind.TextChanged, false, "other schema text changed"));
    }

    [Fact]
    public void Several_changes_are_all_reported()
    {
        var changes = SchemaComparer.Compare(Base, Edit(s =>
        {
            s["required"]!.AsArray().Add("seed");
            Property(s, "resolution")["enum"] = new JsonArray("1K", "2K");
            Property(s, "duration")["maximum"] = 30;
        }));

        changes.Select(c => (c.Property, c.Kind, c.Breaking)).ShouldBe(
        [
            ("resolution", SchemaChangeKind.EnumValueRemoved, true),
            ("duration", SchemaChangeKind.LimitLoosened, false),
            ("seed", SchemaChangeKind.BecameRequired, true),
        ]);
    }

    [Fact]
    public void Text_that_is_not_a_schema_object_is_refused()
    {
        Should.Throw<System.Text.Json.JsonException>(() => SchemaComparer.Compare(Base, "[1,2]"));
        Should.Throw<System.Text.Json.JsonException>(() => SchemaComparer.Compare("{ nope", Base));
    }
}
