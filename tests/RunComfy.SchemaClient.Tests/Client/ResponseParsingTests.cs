using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

/// <summary>Status, result and cancel answers in every form WIRE.md lists.</summary>
public sealed class ResponseParsingTests
{
    private readonly FakeHttpHandler _handler = new();

    [Theory]
    [InlineData("in_queue", RunComfyRequestState.InQueue)]
    [InlineData("in_progress", RunComfyRequestState.InProgress)]
    [InlineData("pending", RunComfyRequestState.InProgress)]
    [InlineData("waiting", RunComfyRequestState.InProgress)]
    [InlineData("starting", RunComfyRequestState.InProgress)]
    [InlineData("processing", RunComfyRequestState.InProgress)]
    [InlineData("completed", RunComfyRequestState.Completed)]
    [InlineData("succeeded", RunComfyRequestState.Completed)]
    [InlineData("SUCCEEDED", RunComfyRequestState.Completed)]
    [InlineData("cancelled", RunComfyRequestState.Cancelled)]
    [InlineData("canceled", RunComfyRequestState.Cancelled)]
    [InlineData("failed", RunComfyRequestState.Failed)]
    [InlineData("exploded", RunComfyRequestState.Unknown)]
    public async Task Every_status_spelling_maps_to_a_state_and_keeps_the_raw_string(string raw, RunComfyRequestState state)
    {
        _handler.Status.Ok(Wire.Status("r1", raw));
        using var client = TestClient.Create(_handler);

        var status = await client.GetStatusAsync("r1");

        status.State.ShouldBe(state);
        status.RawStatus.ShouldBe(raw);
    }

    [Fact]
    public async Task A_queue_position_sent_as_a_string_is_read_and_a_missing_status_is_unknown()
    {
        _handler.Status.Ok("""{"request_id":"r1","status":"in_queue","queue_position":"3"}""").Ok("""{"request_id":"r1"}""");
        using var client = TestClient.Create(_handler);

        (await client.GetStatusAsync("r1")).QueuePosition.ShouldBe(3);
        var second = await client.GetStatusAsync("r1");

        second.State.ShouldBe(RunComfyRequestState.Unknown);
        second.RawStatus.ShouldBeNull();
        second.QueuePosition.ShouldBeNull();
    }

    [Fact]
    public async Task Request_ids_are_escaped_in_the_path()
    {
        _handler.Status.Ok(Wire.Status("a+é", "in_queue"));
        using var client = TestClient.Create(_handler);

        await client.GetStatusAsync("a+é");

        _handler.Requests.Single().Uri.AbsoluteUri.ShouldBe("https://model-api.runcomfy.net/v1/requests/a%2B%C3%A9/status");
    }

    [Fact]
    public async Task A_completed_result_has_typed_output_times_and_cost()
    {
        _handler.Result.Ok("""
            {"request_id":"r1","status":"succeeded","model_id":"bytedance/seedream-4-0/edit",
             "output":{"image":"https://cdn.runcomfy.net/a.png","images":["https://cdn.runcomfy.net/a.png","https://cdn.runcomfy.net/b.png"],
                       "video":"https://cdn.runcomfy.net/v.mp4","videos":[{"url":"https://cdn.runcomfy.net/w.mp4"}],
                       "audio":"https://cdn.runcomfy.net/s.wav","extra":{"mask":"https://cdn.runcomfy.net/m.png"},"seed":42},
             "created_at":"2030-01-01T00:00:00Z","finished_at":1893456009,"cost":"0.035"}
            """);
        using var client = TestClient.Create(_handler);

        var result = await client.GetResultAsync("r1", includeCost: true);

        _handler.Requests.Single().Uri.Query.ShouldBe("?include_cost=true");
        result.State.ShouldBe(RunComfyRequestState.Completed);
        result.RawStatus.ShouldBe("succeeded");
        result.ModelId.ShouldBe("bytedance/seedream-4-0/edit");
        result.Output.Image.ShouldBe(new Uri("https://cdn.runcomfy.net/a.png"));
        result.Output.Images.Count.ShouldBe(2);
        result.Output.Video.ShouldBe(new Uri("https://cdn.runcomfy.net/v.mp4"));
        result.Output.Videos.ShouldBe([new Uri("https://cdn.runcomfy.net/w.mp4")]);
        result.Output.Audio.ShouldBe(new Uri("https://cdn.runcomfy.net/s.wav"));
        result.Output.AllUrls.Select(u => u.AbsoluteUri).ShouldBe(
        [
            "https://cdn.runcomfy.net/a.png", "https://cdn.runcomfy.net/b.png", "https://cdn.runcomfy.net/v.mp4",
            "https://cdn.runcomfy.net/w.mp4", "https://cdn.runcomfy.net/s.wav", "https://cdn.runcomfy.net/m.png",
        ]);
        result.CreatedAt.ShouldBe(new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero));
        result.FinishedAt.ShouldBe(new DateTimeOffset(2030, 1, 1, 0, 0, 9, TimeSpan.Zero));
        result.Cost.ShouldBe(0.035m);
        result.Error.ShouldBeNull();
        result.RawJson.ShouldNotBeNull().ShouldContain("\"seed\":42");
    }

    [Fact]
    public async Task Without_include_cost_no_query_is_sent_and_cost_is_null()
    {
        _handler.Result.Ok(Wire.Completed("r1"));
        using var client = TestClient.Create(_handler);

        var result = await client.GetResultAsync("r1");

        _handler.Requests.Single().Uri.Query.ShouldBeEmpty();
        result.Cost.ShouldBeNull();
        result.Output.Images.ShouldBeEmpty();
        result.Output.AllUrls.ShouldHaveSingleItem();
    }

    [Fact]
    public async Task A_result_asked_early_in_the_documented_form_is_the_current_state()
    {
        _handler.Result.Ok(Wire.Status("r1", "in_queue", 2));
        using var client = TestClient.Create(_handler);

        var result = await client.GetResultAsync("r1");

        result.State.ShouldBe(RunComfyRequestState.InQueue);
        result.State.IsTerminal().ShouldBeFalse();
        result.Output.ShouldBe(RequestOutput.Empty);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(200)]
    public async Task A_result_asked_early_answered_with_400005_is_not_ready_rather_than_an_error(int status)
    {
        _handler.Result.Json(status, Wire.Error(400005, "Result not ready"));
        using var client = TestClient.Create(_handler);

        var result = await client.GetResultAsync("r1");

        result.RequestId.ShouldBe("r1");
        result.State.ShouldBe(RunComfyRequestState.InProgress);
        result.RawStatus.ShouldBeNull();
        result.Output.AllUrls.ShouldBeEmpty();
        _handler.Result.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_failed_result_carries_the_error_as_a_string_or_an_object()
    {
        _handler.Result
            .Ok(Wire.Failed("r1", "NSFW content detected"))
            .Ok("""{"request_id":"r1","status":"failed","error":{"code":"E42","message":"GPU lost"}}""");
        using var client = TestClient.Create(_handler);

        var first = await client.GetResultAsync("r1");
        var second = await client.GetResultAsync("r1");

        first.State.ShouldBe(RunComfyRequestState.Failed);
        first.Error!.Message.ShouldBe("NSFW content detected");
        second.Error!.Message.ShouldBe("GPU lost");
        second.Error.Code.ShouldBe("E42");
        second.Error.RawJson.ShouldBe("""{"code":"E42","message":"GPU lost"}""");
    }

    [Theory]
    [InlineData("""{"request_id":"r1","status":"cancelled","outcome":"cancelled"}""", CancelOutcome.Cancelled)]
    [InlineData("""{"request_id":"r1","status":"in_progress","outcome":"not_cancellable"}""", CancelOutcome.NotCancellable)]
    [InlineData("""{"request_id":"r1","status":"in_queue","outcome":"cancellation_requested"}""", CancelOutcome.CancellationRequested)]
    [InlineData("""{"request_id":"r1","status":"canceled"}""", CancelOutcome.Cancelled)]
    [InlineData("""{"request_id":"r1","outcome":"maybe"}""", CancelOutcome.Unknown)]
    public async Task Every_cancel_outcome_is_read(string json, CancelOutcome outcome)
    {
        _handler.Cancel.Ok(json);
        using var client = TestClient.Create(_handler);

        var result = await client.CancelAsync("r1");

        result.Outcome.ShouldBe(outcome);
        result.RequestId.ShouldBe("r1");
        _handler.Requests.Single().Method.Method.ShouldBe("POST");
        _handler.Requests.Single().Uri.AbsolutePath.ShouldBe("/v1/requests/r1/cancel");
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("a/b")]
    public async Task A_request_id_that_would_break_the_path_is_refused(string requestId)
    {
        using var client = TestClient.Create(_handler);

        await Should.ThrowAsync<ArgumentException>(() => client.GetStatusAsync(requestId));

        _handler.Requests.ShouldBeEmpty();
    }
}
