using System.Text.Json;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

public sealed class SubmitTests
{
    private readonly FakeHttpHandler _handler = new();

    [Fact]
    public async Task Sends_the_input_object_to_the_model_path_with_the_bearer_token()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        using var client = TestClient.Create(_handler);

        var handle = await client.SubmitAsync(TestSeedreamEditRequest.Valid());

        handle.RequestId.ShouldBe("r1");
        handle.ModelId.ShouldBe("bytedance/seedream-4-0/edit");
        handle.StatusUrl.ShouldBe(new Uri("https://model-api.runcomfy.net/v1/requests/r1/status"));
        handle.ResultUrl.ShouldBe(new Uri("https://model-api.runcomfy.net/v1/requests/r1/result"));
        handle.CancelUrl.ShouldBe(new Uri("https://model-api.runcomfy.net/v1/requests/r1/cancel"));
        var sent = _handler.Requests.ShouldHaveSingleItem();
        sent.Method.Method.ShouldBe("POST");
        sent.Uri.ShouldBe(new Uri("https://model-api.runcomfy.net/v1/models/bytedance/seedream-4-0/edit"));
        sent.Authorization.ShouldBe("Bearer " + TestClient.Token);
        sent.ContentType.ShouldBe("application/json");
        sent.Body.ShouldBe("""{"prompt":"a cat in a hat","images":["https://example.com/cat.png"]}""");
    }

    [Fact]
    public async Task Keeps_non_ascii_prompts_readable_in_the_body()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        using var client = TestClient.Create(_handler);

        await client.SubmitAsync(TestSeedreamEditRequest.Valid("un gatto è qui 🐱 \"quoted\""));

        using var body = JsonDocument.Parse(_handler.Requests.Single().Body!);
        body.RootElement.GetProperty("prompt").GetString().ShouldBe("un gatto è qui 🐱 \"quoted\"");
        _handler.Requests.Single().Body!.ShouldContain("un gatto è qui");
    }

    [Fact]
    public async Task An_invalid_request_throws_every_error_and_sends_nothing()
    {
        using var client = TestClient.Create(_handler);
        var request = new TestSeedreamEditRequest { Prompt = new string('x', 601), Images = [] };

        var error = await Should.ThrowAsync<RequestValidationException>(() => client.SubmitAsync(request));

        error.ModelId.ShouldBe("bytedance/seedream-4-0/edit");
        error.Errors.Select(e => e.Rule).ShouldBe(["maxLength", "minItems"], ignoreOrder: true);
        error.Message.ShouldContain("2 errors");
        _handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Media_validation_runs_after_Validate_and_its_errors_are_reported_with_the_others()
    {
        IRunComfyRequest? seen = null;
        using var client = TestClient.Create(_handler, configure: o => o.ValidateMediaAsync = (request, _) =>
        {
            seen = request;
            return ValueTask.FromResult(new ValidationResult([new ValidationError("images[0]", "width_pixels>", "The uploaded image width must exceed 14 pixels.")]));
        });
        var invalid = new TestSeedreamEditRequest { Images = ["https://example.com/tiny.png"] };

        var error = await Should.ThrowAsync<RequestValidationException>(() => client.SubmitAsync(invalid));

        seen.ShouldBeSameAs(invalid);
        error.Errors.Select(e => e.Rule).ShouldBe(["required", "width_pixels>"]);
        _handler.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task Media_validation_warnings_alone_do_not_stop_the_submit()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        using var client = TestClient.Create(_handler, configure: o => o.ValidateMediaAsync = (_, _) =>
            ValueTask.FromResult(new ValidationResult([], [new ValidationError("images[0]", "dpi>", "Rule not checked.")])));

        var result = await client.ValidateAsync(TestSeedreamEditRequest.Valid());
        var handle = await client.SubmitAsync(TestSeedreamEditRequest.Valid());

        result.IsValid.ShouldBeTrue();
        result.Warnings.ShouldHaveSingleItem().Rule.ShouldBe("dpi>");
        handle.RequestId.ShouldBe("r1");
    }

    [Fact]
    public async Task Accepts_202_with_a_status_and_builds_missing_urls_from_the_base_address()
    {
        _handler.Submit.Json(202, """{"request_id":"abc-123","status":"in_queue"}""");
        using var client = TestClient.Create(_handler);

        var handle = await client.SubmitAsync(TestSeedreamEditRequest.Valid());

        handle.RequestId.ShouldBe("abc-123");
        handle.StatusUrl.ShouldBe(new Uri("https://model-api.runcomfy.net/v1/requests/abc-123/status"));
        handle.CancelUrl.ShouldBe(new Uri("https://model-api.runcomfy.net/v1/requests/abc-123/cancel"));
    }

    [Fact]
    public async Task A_success_status_without_a_request_id_means_the_job_may_exist()
    {
        _handler.Submit.Ok("""{"status":"in_queue"}""");
        using var client = TestClient.Create(_handler);

        var error = await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.Status.ShouldBe(200);
        error.ModelId.ShouldBe("bytedance/seedream-4-0/edit");
        error.Message.ShouldContain("may exist");
        error.SubmittedAt.ShouldBe(VirtualTimeProvider.Epoch);
        _handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task A_truncated_success_answer_still_yields_the_request_id_when_it_is_readable()
    {
        _handler.Submit.Ok("""{"request_id":"0f8e2c1a-9d7b-4c3e-8a5f-1b2c3d4e5f60","status_url":"https://model-api.run""");
        using var client = TestClient.Create(_handler);

        var handle = await client.SubmitAsync(TestSeedreamEditRequest.Valid());

        handle.RequestId.ShouldBe("0f8e2c1a-9d7b-4c3e-8a5f-1b2c3d4e5f60");
        handle.ResultUrl.ShouldBe(new Uri("https://model-api.runcomfy.net/v1/requests/0f8e2c1a-9d7b-4c3e-8a5f-1b2c3d4e5f60/result"));
        _handler.Requests.Count.ShouldBe(1);
    }

    [Fact]
    public async Task An_unreadable_success_answer_without_an_id_means_the_job_may_exist_and_is_not_resent()
    {
        _handler.Submit.Text(200, "<html>gateway</html>");
        using var client = TestClient.Create(_handler);

        var error = await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(TestSeedreamEditRequest.Valid()));

        error.Reason.ShouldContain("not JSON");
        _handler.Requests.Count.ShouldBe(1);
    }

    [Theory]
    [InlineData("")]
    [InlineData("bytedance/../edit")]
    [InlineData("bytedance//edit")]
    [InlineData("bytedance/edit?x=1")]
    [InlineData("/bytedance/edit")]
    public async Task A_model_id_that_would_break_the_path_is_refused(string modelId)
    {
        using var client = TestClient.Create(_handler);
        var request = new TestSeedreamEditRequest { ModelId = modelId, Prompt = "p", Images = ["https://example.com/a.png"] };

        await Should.ThrowAsync<ArgumentException>(() => client.SubmitAsync(request));

        _handler.Requests.ShouldBeEmpty();
    }
}
