using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Client;

public sealed class RunAsyncTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();

    [Fact]
    public async Task Submits_follows_the_request_to_completion_and_returns_the_result_with_progress()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status
            .Ok(Wire.Status("r1", "in_queue", 2))
            .Ok(Wire.Status("r1", "in_queue", 1))
            .Ok(Wire.Status("r1", "in_progress"))
            .Ok(Wire.Status("r1", "completed"));
        _handler.Result.Ok(Wire.Completed("r1"));
        var progress = new ListProgress();
        using var client = TestClient.Create(_handler, _time);

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Progress = progress });

        result.State.ShouldBe(RunComfyRequestState.Completed);
        result.Output.Image.ShouldBe(new Uri("https://cdn.runcomfy.net/out/1.png"));
        _handler.Requests.Select(r => r.Uri.AbsolutePath.Split('/').Last()).ShouldBe(
            ["edit", "status", "status", "status", "status", "result"]);
        progress.Reports.Select(p => (p.State, p.QueuePosition, p.Polls)).ShouldBe(
        [
            (RunComfyRequestState.InQueue, 2, 1),
            (RunComfyRequestState.InQueue, 1, 2),
            (RunComfyRequestState.InProgress, null, 3),
            (RunComfyRequestState.Completed, null, 4),
        ]);
        progress.Reports.ShouldAllBe(p => p.RequestId == "r1");
        progress.Reports.Select(p => p.Elapsed).ShouldBe([TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3)]);
    }

    [Fact]
    public async Task Polls_start_at_the_poll_interval_and_back_off_towards_the_maximum()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        for (var i = 0; i < 40; i++)
        {
            _handler.Status.Ok(Wire.Status("r1", "in_progress"));
        }

        _handler.Status.Ok(Wire.Status("r1", "completed"));
        _handler.Result.Ok(Wire.Completed("r1"));
        using var client = TestClient.Create(_handler, _time);

        await client.RunAsync(TestSeedreamEditRequest.Valid());

        // The first status is read as soon as the submit answered; the 40 polls after it wait.
        var delays = _time.Delays;
        delays.Count.ShouldBe(40);
        delays.Take(5).ShouldAllBe(d => d == TimeSpan.FromSeconds(1));
        delays.Zip(delays.Skip(1)).ShouldAllBe(pair => pair.Second >= pair.First);
        delays.ShouldAllBe(d => d <= TimeSpan.FromSeconds(5));
        delays.Last().ShouldBe(TimeSpan.FromSeconds(5));
        _handler.Status.Calls.ShouldBe(41);
    }

    [Fact]
    public async Task A_Retry_After_on_a_status_answer_stretches_the_next_poll()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status
            .Json(200, Wire.Status("r1", "in_progress"), r => r.Headers.Add("Retry-After", "4"))
            .Ok(Wire.Status("r1", "completed"));
        _handler.Result.Ok(Wire.Completed("r1"));
        using var client = TestClient.Create(_handler, _time);

        await client.RunAsync(TestSeedreamEditRequest.Valid());

        _time.Delays.ShouldBe([TimeSpan.FromSeconds(4)]);
    }

    [Fact]
    public async Task A_timeout_while_queued_cancels_the_request_and_the_exception_carries_its_id()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "in_queue", 7));
        _handler.Cancel.Ok(Wire.CancelAnswer("r1", "cancelled"));
        var logger = new ListLogger();
        using var client = TestClient.Create(_handler, _time, logger: logger);

        var error = await Should.ThrowAsync<RunComfyTimeoutException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Timeout = TimeSpan.FromMinutes(2) }));

        error.RequestId.ShouldBe("r1");
        error.Timeout.ShouldBe(TimeSpan.FromMinutes(2));
        error.LastState.ShouldBe(RunComfyRequestState.InQueue);
        error.CancelOutcome.ShouldBe(CancelOutcome.Cancelled);
        error.SubmitOutcomeUnknown.ShouldBeFalse();
        error.Message.ShouldContain("r1");
        error.Message.ShouldContain("has been cancelled");
        _handler.Cancel.Calls.ShouldBe(1);
        _time.Elapsed.ShouldBeGreaterThanOrEqualTo(TimeSpan.FromMinutes(2));
        logger.AllText.ShouldContain("Cancel of request r1: Cancelled");
    }

    [Fact]
    public async Task Cancelling_while_queued_cancels_the_request_and_the_exception_carries_its_id()
    {
        using var cts = new CancellationTokenSource();
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "in_queue", 3));
        _handler.Cancel.Ok(Wire.CancelAnswer("r1", "cancelled"));
        var progress = new ListProgress { OnReport = p => { if (p.Polls == 2) cts.Cancel(); } };
        using var client = TestClient.Create(_handler, _time);

        var error = await Catch.ExceptionAsync<RunComfyCanceledException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Progress = progress }, cts.Token));

        error.RequestId.ShouldBe("r1");
        error.CancellationToken.ShouldBe(cts.Token);
        error.CancelOutcome.ShouldBe(CancelOutcome.Cancelled);
        error.LastState.ShouldBe(RunComfyRequestState.InQueue);
        _handler.Status.Calls.ShouldBe(2);
        _handler.Cancel.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_request_that_became_running_cannot_be_cancelled_and_the_message_says_how_to_resume()
    {
        using var cts = new CancellationTokenSource();
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "in_queue", 1));
        _handler.Cancel.Ok(Wire.CancelAnswer("r1", "not_cancellable", "in_progress"));
        var progress = new ListProgress { OnReport = p => { if (p.Polls == 1) cts.Cancel(); } };
        using var client = TestClient.Create(_handler, _time);

        var error = await Catch.ExceptionAsync<RunComfyCanceledException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Progress = progress }, cts.Token));

        error.CancelOutcome.ShouldBe(CancelOutcome.NotCancellable);
        error.Message.ShouldContain("WaitAsync(\"r1\")");
    }

    [Fact]
    public async Task A_timeout_while_running_leaves_the_request_running_and_sends_no_cancel()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "in_progress"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyTimeoutException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Timeout = TimeSpan.FromSeconds(30) }));

        error.RequestId.ShouldBe("r1");
        error.LastState.ShouldBe(RunComfyRequestState.InProgress);
        error.CancelOutcome.ShouldBeNull();
        error.Message.ShouldContain("resume with WaitAsync(\"r1\")");
        _handler.Cancel.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task With_cancel_on_abort_off_a_queued_request_is_left_alone()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "in_queue", 5));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyTimeoutException>(() => client.RunAsync(
            TestSeedreamEditRequest.Valid(), new RunOptions { Timeout = TimeSpan.FromSeconds(20), CancelQueuedRequestOnAbort = false }));

        error.CancelOutcome.ShouldBeNull();
        error.Message.ShouldContain("left as it was");
        _handler.Cancel.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_cancel_on_the_way_out_that_gets_no_answer_is_bounded()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "in_queue", 5));
        _handler.Cancel.Then(async (_, token) =>
        {
            _time.Advance(TimeSpan.FromSeconds(15));
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            throw new InvalidOperationException("unreachable");
        });
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyTimeoutException>(() => client.RunAsync(
            TestSeedreamEditRequest.Valid(), new RunOptions { Timeout = TimeSpan.FromSeconds(20), CancelTimeout = TimeSpan.FromSeconds(10) }));

        error.CancelOutcome.ShouldBeNull();
        error.Message.ShouldContain("may still run");
        _handler.Cancel.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_timeout_during_the_submit_says_the_job_may_exist()
    {
        _handler.Submit.Then(async (_, token) =>
        {
            _time.Advance(TimeSpan.FromSeconds(31));
            await Task.Delay(Timeout.InfiniteTimeSpan, token);
            throw new InvalidOperationException("unreachable");
        });
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyTimeoutException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Timeout = TimeSpan.FromSeconds(30) }));

        error.RequestId.ShouldBeNull();
        error.SubmitOutcomeUnknown.ShouldBeTrue();
        error.Message.ShouldContain("may exist");
        _handler.Submit.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task An_unknown_status_is_tolerated_a_bounded_number_of_times_in_a_row()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "exploded"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<UnknownRequestStateException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { UnknownStatusLimit = 2 }));

        error.RawStatus.ShouldBe("exploded");
        error.RequestId.ShouldBe("r1");
        error.Message.ShouldContain("'exploded'");
        _handler.Status.Calls.ShouldBe(3);
    }

    [Fact]
    public async Task With_a_limit_of_zero_the_first_unknown_status_fails_the_wait()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok("""{"request_id":"r1"}""");
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<UnknownRequestStateException>(
            () => client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { UnknownStatusLimit = 0 }));

        error.RawStatus.ShouldBeNull();
        _handler.Status.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Unknown_statuses_between_known_ones_do_not_fail_a_healthy_request()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status
            .Ok(Wire.Status("r1", "uploading"))
            .Ok(Wire.Status("r1", "uploading"))
            .Ok(Wire.Status("r1", "in_progress"))
            .Ok(Wire.Status("r1", "uploading"))
            .Ok(Wire.Status("r1", "succeeded"));
        _handler.Result.Ok(Wire.Completed("r1"));
        using var client = TestClient.Create(_handler, _time);

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { UnknownStatusLimit = 2 });

        result.State.ShouldBe(RunComfyRequestState.Completed);
    }

    [Theory]
    [InlineData("failed", RunComfyRequestState.Failed)]
    [InlineData("canceled", RunComfyRequestState.Cancelled)]
    public async Task A_request_that_ends_without_output_throws_with_its_result(string status, RunComfyRequestState state)
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", status));
        _handler.Result.Ok($$"""{"request_id":"r1","status":"{{status}}","error":"Content flagged"}""");
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyJobFailedException>(() => client.RunAsync(TestSeedreamEditRequest.Valid()));

        error.State.ShouldBe(state);
        error.RequestId.ShouldBe("r1");
        error.Result.Error!.Message.ShouldBe("Content flagged");
    }

    [Fact]
    public async Task Polls_whose_retries_ran_out_are_tolerated_because_the_job_is_fine()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status
            .Json(503, """{"message":"maintenance"}""")
            .Json(503, """{"message":"maintenance"}""")
            .Throw(Network.ResetMidway)
            .Throw(Network.ResetMidway)
            .Ok(Wire.Status("r1", "completed"));
        _handler.Result.Json(502, "{}").Json(502, "{}").Ok(Wire.Completed("r1"));
        using var client = TestClient.Create(_handler, _time, o => o.Retry.MaxRetries = 1);

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid());

        result.State.ShouldBe(RunComfyRequestState.Completed);
        _handler.Status.Calls.ShouldBe(5);
        _handler.Result.Calls.ShouldBe(3);
        _handler.Submit.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_definite_poll_error_ends_the_wait()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Json(404, Wire.Error(404001, "expired"));
        using var client = TestClient.Create(_handler, _time);

        var error = await Should.ThrowAsync<RunComfyException>(() => client.RunAsync(TestSeedreamEditRequest.Valid()));

        error.ErrorCode.ShouldBe(RunComfyErrorCodes.RequestNotFound);
        error.RequestId.ShouldBe("r1");
    }

    [Fact]
    public async Task A_result_not_ready_after_a_completed_status_is_polled_again()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "completed"));
        _handler.Result
            .Json(400, Wire.Error(400005, "Result not ready"))
            .Ok(Wire.Status("r1", "in_progress"))
            .Ok(Wire.Completed("r1"));
        using var client = TestClient.Create(_handler, _time);

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { IncludeCost = true });

        result.State.ShouldBe(RunComfyRequestState.Completed);
        _handler.Result.Calls.ShouldBe(3);
        _handler.Requests.Where(r => r.Uri.AbsolutePath.EndsWith("/result")).ShouldAllBe(r => r.Uri.Query == "?include_cost=true");
    }

    [Fact]
    public async Task IncludeCost_in_the_client_options_applies_to_runs()
    {
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "completed"));
        _handler.Result.Ok("""{"request_id":"r1","status":"completed","output":{"images":["https://cdn.runcomfy.net/a.png"]},"cost":0.03}""");
        using var client = TestClient.Create(_handler, _time, o => o.IncludeCost = true);

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid());

        result.Cost.ShouldBe(0.03m);
        _handler.Requests.Last().Uri.Query.ShouldBe("?include_cost=true");
    }

    [Fact]
    public async Task An_invalid_request_fails_before_anything_is_sent()
    {
        using var client = TestClient.Create(_handler, _time);

        await Should.ThrowAsync<RequestValidationException>(() => client.RunAsync(new TestSeedreamEditRequest { Prompt = "x" }));

        _handler.Requests.ShouldBeEmpty();
    }
}
