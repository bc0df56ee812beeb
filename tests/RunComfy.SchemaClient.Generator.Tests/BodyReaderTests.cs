using RunComfy.Metadata;
using RunComfy.Models.Bytedance;
using RunComfy.SchemaClient.Generator.Tests.Interpreted;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>
/// The forward-only reader of generated <c>FromJson</c> (<c>RunComfy.Metadata.RequestBodyReader</c>) against the
/// interpreter's <see cref="System.Text.Json.JsonDocument"/> reader on the same bodies: the same problems (path,
/// rule, message, order), and the exact problems these hostile bodies must give. And <c>Validate()</c> of a valid
/// request allocating nothing, for every model shape of the catalog and the keyword fixtures.
/// </summary>
[Collection(GeneratedModelsCollection.Name)]
public sealed class BodyReaderTests
{
    private const string Image = "\"images\":[\"https://example.com/a.png\"]";

    private static readonly ModelInfo Interpreted =
        ModelInfo.FromSchema(Seedream40EditSequentialRequest.Metadata.ModelId, Seedream40EditSequentialRequest.Metadata.SchemaJson);

    private readonly GeneratedModels _models;

    public BodyReaderTests(GeneratedModels models) => _models = models;

    /// <summary>Valid bodies of the shapes whose allowed values are lists: a model id, the body, a value it must hold.</summary>
    public static TheoryData<string, string, string> EnumShapes => new()
    {
        // A number enum (quality) beside an integer enum (level).
        { GeneratedModels.EdgeModelId, "{\"code\":\"ABC-123\",\"ratio\":0.5,\"quality\":1.5,\"tags\":[\"a\"],\"event\":true,\"level\":4}", "\"quality\":1.5" },
        // Item enum lists of strings, integers and numbers, and a number enum (ratio).
        { GeneratedModels.KeywordsModelId, "{\"name\":\"ab\",\"tags\":[\"a\",\"bb\",\"dddd\"],\"sizes\":[1,5,10],\"weights\":[0.25,1],\"count\":3,\"ratio\":0.5}", "\"weights\":[0.25,1]" },
    };

    public static TheoryData<string, string, string, string> OneProblem => new()
    {
        { "{\"text\":\"a\"," + Image + ",\"text\":\"b\"}", "text", "duplicate", "appears more than once in the JSON object." },
        { "{\"text\":\"a\"," + Image + ",\"t\\u0065xt\":\"b\"}", "text", "duplicate", "appears more than once in the JSON object." },
        { "{\"pr\\u006fmpt\":\"a\",\"text\":\"a\"," + Image + "}", "prompt", "unknown", "is not a parameter of 'bytedance/seedream-4-0/edit-sequential'." },
        { "{\"text\":5," + Image + "}", "text", "type", "must be a string, not a number." },
        { "{\"text\":{\"a\":[1,2]}," + Image + "}", "text", "type", "must be a string, not an object." },
        { "{\"text\":\"a\",\"images\":\"x\"}", "images", "type", "must be an array, not a string." },
        { "{\"text\":\"a\",\"images\":[\"https://example.com/a.png\",null]}", "images[1]", "type", "must be a string, not null." },
        { "{\"text\":\"a\",\"images\":[[\"nested\"]]}", "images[0]", "type", "must be a string, not an array." },
        { "{\"text\":\"a\"," + Image + ",\"seed\":1e400}", "seed", "type", "is out of range for a 64-bit integer (-9223372036854775808 to 9223372036854775807); it is 1e400." },
        { "{\"text\":\"a\"," + Image + ",\"seed\":99999999999999999999}", "seed", "type", "is out of range for a 64-bit integer (-9223372036854775808 to 9223372036854775807); it is 99999999999999999999." },
        { "{\"text\":\"a\"," + Image + ",\"seed\":2.5}", "seed", "type", "must be an integer; it is 2.5." },
        { "{\"text\":\"a\"," + Image + ",\"seed\":true}", "seed", "type", "must be an integer, not a boolean." },
        { "{\"text\":\"a\"," + Image + ",\"image_size\":\"huge\"}", "image_size", "enum", "\"huge\" is not one of the allowed values." },
        { "{\"text\":\"a\"," + Image + ",\"sequential_image_generation_options\":99}", "sequential_image_generation_options", "enum", "99 is not one of the allowed values." },
        { "{\"text\":\"a\"," + Image + ",\"image_size\":\"hug\\u0065\"}", "image_size", "enum", "\"huge\" is not one of the allowed values." },
        { "{\"text\":\"a\"," + Image + ",\"optimize_prompt_options\":\"FAST\"}", "optimize_prompt_options", "enum", "\"FAST\" is not one of the allowed values." },
        { "{\"text\":\"a\"," + Image + ",\"optimize_prompt_options\":\"fast \"}", "optimize_prompt_options", "enum", "\"fast \" is not one of the allowed values." },
        { "{\"text\":\"a\"," + Image + ",\"optimize_prompt_options\":\"\"}", "optimize_prompt_options", "enum", "\"\" is not one of the allowed values." },
        { "{\"text\":\"a\"," + Image + ",\"optimize_prompt_options\":\"f\\ud800\"}", "optimize_prompt_options", "type", "must be well-formed Unicode text; it has a lone surrogate." },
        { "{\"text\":\"a\"," + Image + ",\"optimize_prompt_options\":[\"fast\"]}", "optimize_prompt_options", "type", "must be a string, not an array." },
        { "{\"text\":\"a\\ud800\"," + Image + "}", "text", "type", "must be well-formed Unicode text; it has a lone surrogate." },
        { "{\"\\ud800\":1,\"text\":\"a\"," + Image + "}", "$", "json", "has a property name with a lone surrogate escape (such as \\ud800); names must be well-formed Unicode text." },
        { "[1,2]", "$", "type", "must be a JSON object, not an array." },
        { "\"text\"", "$", "type", "must be a JSON object, not a string." },
    };

    public static TheoryData<string> BrokenJson => new()
    {
        // Problems before the break are not reported: broken text is only that, as when it is parsed whole first.
        "{\"unknown\":1,\"text\":}",
        "{\"text\":\"a\"," + Image + "} trailing",
        "{\"te\\x\":1}",
        "[1,2",
        "",
        "{\"text\":\"a\",}",
        "{\"x\":" + new string('[', 70) + new string(']', 70) + "}",
    };

    [Theory]
    [MemberData(nameof(OneProblem))]
    public void A_hostile_body_gives_its_one_problem_as_the_interpreter_does(string json, string path, string rule, string message)
    {
        IReadOnlyList<(string, string, string)> generated = GeneratedProblems(json);
        generated.ShouldBe([(path, rule, message)]);
        generated.ShouldBe(InterpretedProblems(json));
    }

    [Theory]
    [MemberData(nameof(BrokenJson))]
    public void Broken_json_is_the_only_problem_reported(string json)
    {
        IReadOnlyList<(string Path, string Rule, string Message)> generated = GeneratedProblems(json);
        generated.ShouldHaveSingleItem().Path.ShouldBe("$");
        generated[0].Rule.ShouldBe("json");
        generated[0].Message.ShouldStartWith("is not valid JSON: ");
        generated.ShouldBe(InterpretedProblems(json));
    }

    [Fact]
    public void Every_problem_is_reported_at_once_in_body_order_then_the_missing_fields()
    {
        const string json = "{\"foo\":1,\"seed\":\"7\",\"foo\":[{}],\"image_size\":4,\"seed\":1,\"text\":null}";
        IReadOnlyList<(string, string, string)> generated = GeneratedProblems(json);
        generated.ShouldBe(
        [
            ("foo", "unknown", "is not a parameter of 'bytedance/seedream-4-0/edit-sequential'."),
            ("seed", "type", "must be an integer, not a string."),
            ("foo", "duplicate", "appears more than once in the JSON object."),
            ("image_size", "type", "must be a string, not a number."),
            ("seed", "duplicate", "appears more than once in the JSON object."),
            ("images", "required", "is required but missing."),
            ("text", "required", "is required but missing."),
        ]);
        generated.ShouldBe(InterpretedProblems(json));
    }

    [Fact]
    public void A_present_but_mistyped_required_field_is_not_also_missing()
    {
        const string json = "{\"text\":7,\"images\":[5]}";
        GeneratedProblems(json).ShouldBe(
        [
            ("text", "type", "must be a string, not a number."),
            ("images[0]", "type", "must be a string, not a number."),
        ]);
        GeneratedProblems(json).ShouldBe(InterpretedProblems(json));
    }

    [Fact]
    public void Escaped_names_nulls_and_integral_numbers_read_as_values()
    {
        var request = Seedream40EditSequentialRequest.FromJson(
            "{\"t\\u0065xt\":\"a \\\"b\\\" \\u00e8\",\"images\":[\"https://example.com/a.png\"],\"seed\":2.0,\"image_size\":null,"
            + "\"optimize_prompt_options\":\"standard\",\"sequential_image_generation_options\":4,\"sequential_image_generation\":null}");

        request.Text.ShouldBe("a \"b\" è");
        request.Images.Select(i => i.Url).ShouldBe(["https://example.com/a.png"]);
        request.Seed.ShouldBe(2);
        request.ImageSize.ShouldBeNull();
        request.OptimizePromptOptions.ShouldBe(Seedream40EditSequentialOptimizePromptOptions.Standard);
        request.SequentialImageGenerationOptions.ShouldBe(Seedream40EditSequentialImageGenerationOptions.Value4);
        request.SequentialImageGeneration.ShouldBeNull();
    }

    [Theory]
    [InlineData("\\u0066ast")]
    [InlineData("f\\u0061st")]
    [InlineData("\\u0066\\u0061\\u0073\\u0074")]
    public void An_escaped_string_enum_value_matches_its_member(string fast)
    {
        string json = "{\"text\":\"a\"," + Image + ",\"optimize_prompt_options\":\"" + fast + "\",\"image_size\":\"2048:2048 \\u00281:1\\u0029\"}";

        var request = Seedream40EditSequentialRequest.FromJson(json);

        request.OptimizePromptOptions.ShouldBe(Seedream40EditSequentialOptimizePromptOptions.Fast);
        request.ImageSize.ShouldBe(Seedream40EditSequentialImageSize._2048_2048_1_1);
        RequestJsonWriter.ToJson(Interpreted.Parse(json)).ShouldBe(request.ToJson());
    }

    [Fact]
    public void An_escaped_value_longer_than_the_stack_buffer_is_reported_as_the_interpreter_does()
    {
        string json = "{\"text\":\"a\"," + Image + ",\"optimize_prompt_options\":\"" + string.Concat(Enumerable.Repeat("\\u0061", 100)) + "\"}";

        GeneratedProblems(json).ShouldBe([("optimize_prompt_options", "enum", "\"" + new string('a', 100) + "\" is not one of the allowed values.")]);
        GeneratedProblems(json).ShouldBe(InterpretedProblems(json));
    }

    [Fact]
    public void Reading_string_enum_values_makes_no_strings()
    {
        // The same body with and without two string enum values (one plain, one escaped) allocates the same:
        // an enum is a value in the request, and its text is matched as UTF-8 where it lies.
        const string without = "{\"text\":\"a\"," + Image + "}";
        const string with = "{\"text\":\"a\"," + Image + ",\"image_size\":\"2048:2048 (1:1)\",\"optimize_prompt_options\":\"f\\u0061st\"}";
        Seedream40EditSequentialRequest.FromJson(with).OptimizePromptOptions.ShouldBe(Seedream40EditSequentialOptimizePromptOptions.Fast);

        AllocatedByFromJson(with).ShouldBe(AllocatedByFromJson(without));
    }

    [Fact]
    public void Deep_nesting_inside_the_limit_is_read_past_as_an_unknown_field()
    {
        string json = "{\"x\":" + new string('[', 60) + new string(']', 60) + ",\"text\":\"a\"," + Image + "}";
        GeneratedProblems(json).ShouldBe([("x", "unknown", "is not a parameter of 'bytedance/seedream-4-0/edit-sequential'.")]);
        GeneratedProblems(json).ShouldBe(InterpretedProblems(json));
    }

    [Fact]
    public void Text_with_a_lone_surrogate_character_is_refused_with_its_index()
    {
        string json = "{\"text\":\"a\uD800\"," + Image + "}";
        GeneratedProblems(json).ShouldBe([("$", "json", "is not valid JSON text: it has a lone surrogate (ill-formed UTF-16) at index 10.")]);
        GeneratedProblems(json).ShouldBe(InterpretedProblems(json));
    }

    [Fact]
    public void A_large_body_is_read_whole()
    {
        string prompt = new('é', 300_000);
        var request = Seedream40EditSequentialRequest.FromJson("{\"text\":\"" + prompt + "\"," + Image + "}");
        request.Text.ShouldBe(prompt);
        Seedream40EditSequentialRequest.FromJson(request.ToJson()).ToJson().ShouldBe(request.ToJson());
    }

    [Fact]
    public void Validating_a_valid_request_allocates_nothing_once_warm()
    {
        var request = Seedream40EditSequentialRequest.FromJson("{\"text\":\"a\",\"images\":[\"https://example.com/a.png\",\"https://example.com/b.png\"],\"image_size\":\"2048:2048 (1:1)\"}");
        request.Validate().IsValid.ShouldBeTrue();

        long before = GC.GetAllocatedBytesForCurrentThread();
        bool valid = request.Validate().IsValid;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        valid.ShouldBeTrue();
        allocated.ShouldBe(0);
    }

    [Theory]
    [MemberData(nameof(EnumShapes))]
    public void Validating_a_valid_request_with_a_number_enum_or_an_item_enum_list_allocates_nothing_once_warm(string modelId, string json, string holds)
    {
        IRunComfyRequest request = _models.Models.Single(m => m.ModelId == modelId).Parse(json);
        RequestJsonWriter.ToJson(request).ShouldContain(holds);
        request.Validate().IsValid.ShouldBeTrue(string.Join("; ", request.Validate().Errors));

        AllocatedByValidate(request).ShouldBe(0);
    }

    [Fact]
    public void Validating_a_valid_request_of_every_model_allocates_nothing_once_warm()
    {
        var measured = new HashSet<string>(StringComparer.Ordinal);
        var allocating = new List<string>();
        int requests = 0;
        foreach (ModelInfo model in _models.Models)
        {
            // Every valid body of the corpus: each enum value, each boundary that passes, lists of each length.
            foreach (IRunComfyRequest request in ValidRequests(model))
            {
                requests++;
                measured.Add(model.ModelId);
                long allocated = AllocatedByValidate(request);
                if (allocated != 0)
                {
                    allocating.Add($"{model.ModelId}: {allocated} B for {RequestJsonWriter.ToJson(request)}");
                }
            }
        }

        allocating.Take(10).ShouldBeEmpty();
        foreach (object[] shape in EnumShapes)
        {
            string modelId = (string)shape[0];
            measured.Add(modelId);
            AllocatedByValidate(_models.Models.Single(m => m.ModelId == modelId).Parse((string)shape[1])).ShouldBe(0, modelId);
        }

        _models.Models.Select(m => m.ModelId).Except(measured).ShouldBeEmpty();
        requests.ShouldBeGreaterThan(1_000);
    }

    [Fact]
    public void A_collector_given_back_after_errors_starts_empty()
    {
        var bad = Seedream40EditSequentialRequest.FromJson("{\"text\":\"a\",\"images\":[\"http://example.com/a.png\"]}");
        var good = Seedream40EditSequentialRequest.FromJson("{\"text\":\"a\",\"images\":[\"https://example.com/a.png\"]}");

        bad.Validate().Errors.Select(e => e.Path).ShouldBe(["images[0]"]);
        good.Validate().IsValid.ShouldBeTrue();
        bad.Validate().Errors.Select(e => e.Path).ShouldBe(["images[0]"]);
    }

    /// <summary>What one <c>Validate()</c> allocates after a first call has warmed it up (JIT, per-thread collector, item paths).</summary>
    private static long AllocatedByValidate(IRunComfyRequest request)
    {
        request.Validate().IsValid.ShouldBeTrue();
        long before = GC.GetAllocatedBytesForCurrentThread();
        bool valid = request.Validate().IsValid;
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        valid.ShouldBeTrue();
        return allocated;
    }

    /// <summary>What one <c>FromJson</c> allocates once warm.</summary>
    private static long AllocatedByFromJson(string json)
    {
        Seedream40EditSequentialRequest.FromJson(json);
        long before = GC.GetAllocatedBytesForCurrentThread();
        Seedream40EditSequentialRequest.FromJson(json);
        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static IEnumerable<IRunComfyRequest> ValidRequests(ModelInfo model)
    {
        foreach (string body in RequestCorpus.For(model))
        {
            IRunComfyRequest request;
            try
            {
                request = model.Parse(body);
            }
            catch (RequestJsonException)
            {
                continue;
            }

            if (request.Validate().IsValid)
            {
                yield return request;
            }
        }
    }

    private static IReadOnlyList<(string Path, string Rule, string Message)> GeneratedProblems(string json) =>
        Problems(() => Seedream40EditSequentialRequest.FromJson(json));

    private static IReadOnlyList<(string Path, string Rule, string Message)> InterpretedProblems(string json) =>
        Problems(() => Interpreted.Parse(json));

    private static IReadOnlyList<(string Path, string Rule, string Message)> Problems(Func<object> parse)
    {
        var exception = Should.Throw<RequestJsonException>(() => parse());
        return [.. exception.Errors.Select(e => (e.Path, e.Rule, e.Message))];
    }
}
