using System.Text.Json;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Emulator;

public sealed class EmulatorFaultTests
{
    [Fact]
    public async Task A_429_before_acceptance_creates_no_job_and_carries_retry_after()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.TooManyRequests);
        var body = EmulatorHarness.EditBody("refused once");

        using (var refused = await emulator.SubmitAsync(body))
        {
            ((int)refused.StatusCode).ShouldBe(429);
            refused.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        }
        emulator.Server.TotalSubmissions.ShouldBe(0);
        emulator.Server.Stats.SubmitsRefusedByFault.ShouldBe(1);

        await emulator.SubmitOkAsync(body);
        emulator.Server.GetSubmissionCount(body).ShouldBe(1);
        emulator.Server.DuplicateSubmissions.ShouldBe(0);
        emulator.Server.Stats.GetFaults(EmulatorEndpoint.Submit, FaultKind.TooManyRequests).ShouldBe(1);
        emulator.Server.Stats.SubmitCalls.ShouldBe(2);
    }

    [Fact]
    public async Task A_503_before_acceptance_creates_no_job()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.ServiceUnavailable);

        using var response = await emulator.SubmitAsync(EmulatorHarness.EditBody());
        ((int)response.StatusCode).ShouldBe(503);
        response.Headers.RetryAfter!.Delta.ShouldBe(TimeSpan.FromSeconds(7));
        emulator.Server.TotalSubmissions.ShouldBe(0);
    }

    [Fact]
    public async Task A_500_after_acceptance_keeps_the_job_and_counts_the_lost_answer()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.InternalServerError);
        var body = EmulatorHarness.EditBody("accepted but answered 500");

        using var response = await emulator.SubmitAsync(body);
        ((int)response.StatusCode).ShouldBe(500);
        emulator.Server.TotalSubmissions.ShouldBe(1);
        emulator.Server.GetSubmissionCount(body).ShouldBe(1);
        emulator.Server.Stats.SubmitsAcceptedWithFaultedAnswer.ShouldBe(1);
        emulator.Server.Stats.SubmitsRefusedByFault.ShouldBe(0);
    }

    [Fact]
    public async Task A_500_can_be_scripted_before_acceptance()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.InternalServerError, FaultTiming.BeforeAccept);

        using var response = await emulator.SubmitAsync(EmulatorHarness.EditBody());
        ((int)response.StatusCode).ShouldBe(500);
        emulator.Server.TotalSubmissions.ShouldBe(0);
        emulator.Server.Stats.SubmitsRefusedByFault.ShouldBe(1);
    }

    [Fact]
    public async Task A_dropped_connection_after_acceptance_leaves_a_job_and_a_resend_shows_as_duplicate()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.DropConnection);
        var body = EmulatorHarness.EditBody("dropped after acceptance");

        await Should.ThrowAsync<HttpRequestException>(() => emulator.SubmitAsync(body));
        emulator.Server.TotalSubmissions.ShouldBe(1);
        emulator.Server.Stats.SubmitsAcceptedWithFaultedAnswer.ShouldBe(1);
        emulator.Server.DuplicateSubmissions.ShouldBe(0);

        // What a careless client would do: the counters catch it.
        await emulator.SubmitOkAsync(body);
        emulator.Server.GetSubmissionCount(body).ShouldBe(2);
        emulator.Server.DuplicateSubmissions.ShouldBe(1);
    }

    [Fact]
    public async Task A_dropped_connection_before_acceptance_leaves_no_job()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.DropConnection, FaultTiming.BeforeAccept);

        await Should.ThrowAsync<HttpRequestException>(() => emulator.SubmitAsync(EmulatorHarness.EditBody()));
        emulator.Server.TotalSubmissions.ShouldBe(0);
    }

    [Fact]
    public async Task A_slow_answer_arrives_in_full_after_the_delay()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Status, FaultKind.SlowAnswer);

        var (status, body) = await emulator.StatusAsync(id);
        status.ShouldBe(200);
        body.GetProperty("status").GetString().ShouldBe("in_queue");
        emulator.Server.Stats.GetFaults(EmulatorEndpoint.Status, FaultKind.SlowAnswer).ShouldBe(1);
    }

    [Fact]
    public async Task A_slow_answer_outlasts_a_client_that_gives_up()
    {
        await using var emulator = await EmulatorHarness.StartAsync(o => o.Faults.SlowAnswerDelay = TimeSpan.FromSeconds(60));
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.SlowAnswer);
        using var giveUp = new CancellationTokenSource();
        using var http = emulator.NewClient(emulator.Options.Token);

        var submit = emulator.SubmitAsync(EmulatorHarness.EditBody(), client: http).WaitAsync(giveUp.Token);
        // The client gives up only once the job was taken (the emulator then sits in the slow answer's wait).
        await Eventually.WaitUntilAsync(() => emulator.Server.Stats.SubmitsAcceptedWithFaultedAnswer == 1, "the submit was accepted");
        await giveUp.CancelAsync();

        await Should.ThrowAsync<OperationCanceledException>(() => submit);
        emulator.Server.TotalSubmissions.ShouldBe(1);
        emulator.Server.Stats.SubmitCalls.ShouldBe(1);
    }

    [Fact]
    public async Task Malformed_json_is_a_truncated_200_body()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Status, FaultKind.MalformedJson);

        using var response = await emulator.Http.GetAsync($"v1/requests/{id}/status");
        ((int)response.StatusCode).ShouldBe(200);
        var text = await response.Content.ReadAsStringAsync();
        text.ShouldStartWith("{\"request_id\"");
        Should.Throw<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task An_error_code_with_http_200_creates_no_job()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.ErrorCodeWithOkStatus);

        using var response = await emulator.SubmitAsync(EmulatorHarness.EditBody());
        var body = await EmulatorHarness.ReadJsonAsync(response);
        ((int)response.StatusCode).ShouldBe(200);
        body.GetProperty("error_code").GetInt32().ShouldBe(500001);
        body.TryGetProperty("request_id", out _).ShouldBeFalse();
        emulator.Server.TotalSubmissions.ShouldBe(0);
    }

    [Fact]
    public async Task No_balance_answers_400002()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.NoBalance);

        using var response = await emulator.SubmitAsync(EmulatorHarness.EditBody());
        var body = await EmulatorHarness.ReadJsonAsync(response);
        ((int)response.StatusCode).ShouldBe(400);
        body.GetProperty("error_code").GetInt32().ShouldBe(400002);
        emulator.Server.TotalSubmissions.ShouldBe(0);

        emulator.Options.Wire.NoBalanceStatusCode = 402;
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.NoBalance);
        using var second = await emulator.SubmitAsync(EmulatorHarness.EditBody());
        ((int)second.StatusCode).ShouldBe(402);
    }

    [Fact]
    public async Task A_job_failure_is_answered_normally_and_ends_failed()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Submit, FaultKind.JobFailure);
        var id = await emulator.SubmitOkAsync();
        emulator.Clock.Advance(TimeSpan.FromSeconds(3));

        var (_, status) = await emulator.StatusAsync(id);
        status.GetProperty("status").GetString().ShouldBe("failed");
        var (code, result) = await emulator.ResultAsync(id);
        code.ShouldBe(200);
        result.GetProperty("status").GetString().ShouldBe("failed");
        result.GetProperty("error").GetProperty("error_message").GetString().ShouldNotBeNullOrEmpty();
        result.TryGetProperty("output", out _).ShouldBeFalse();
        emulator.Server.Stats.SubmitsAcceptedWithFaultedAnswer.ShouldBe(0);
    }

    [Fact]
    public async Task A_cancel_whose_answer_is_dropped_still_cancels()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Cancel, FaultKind.DropConnection);

        await Should.ThrowAsync<HttpRequestException>(() => emulator.Http.PostAsync($"v1/requests/{id}/cancel", null));
        var (_, body) = await emulator.StatusAsync(id);
        body.GetProperty("status").GetString().ShouldBe("cancelled");
    }

    [Fact]
    public async Task Scripted_faults_apply_in_order_to_their_endpoint_only()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        var id = await emulator.SubmitOkAsync();
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Result, FaultKind.ServiceUnavailable, count: 2);
        emulator.Options.Faults.Enqueue(EmulatorEndpoint.Result, FaultKind.TooManyRequests);
        emulator.Options.Faults.PendingScriptedFaults.ShouldBe(3);

        (await emulator.StatusAsync(id)).Status.ShouldBe(200);
        (await emulator.ResultAsync(id)).Status.ShouldBe(503);
        (await emulator.ResultAsync(id)).Status.ShouldBe(503);
        (await emulator.ResultAsync(id)).Status.ShouldBe(429);
        (await emulator.ResultAsync(id)).Status.ShouldBe(200);
        emulator.Options.Faults.PendingScriptedFaults.ShouldBe(0);
        emulator.Server.Stats.GetFaults(EmulatorEndpoint.Result).ShouldBe(3);
        emulator.Server.Stats.FaultsInjected.ShouldBe(3);
    }

    [Fact]
    public async Task Random_faults_follow_their_rate_and_repeat_with_the_same_seed()
    {
        async Task<int[]> RunAsync()
        {
            await using var emulator = await EmulatorHarness.StartAsync(o =>
            {
                o.Faults.Seed = 42;
                o.Faults.SetRate(EmulatorEndpoint.Status, FaultKind.ServiceUnavailable, 0.3);
            });
            var id = await emulator.SubmitOkAsync();
            var statuses = new int[200];
            for (var i = 0; i < statuses.Length; i++) statuses[i] = (await emulator.StatusAsync(id)).Status;
            emulator.Server.Stats.GetFaults(EmulatorEndpoint.Status, FaultKind.ServiceUnavailable).ShouldBe(statuses.Count(s => s == 503));
            emulator.Server.Stats.GetFaults(EmulatorEndpoint.Submit).ShouldBe(0);
            return statuses;
        }

        var first = await RunAsync();
        var second = await RunAsync();
        second.ShouldBe(first);
        first.Count(s => s == 503).ShouldBeInRange(35, 85);
        first.Where(s => s != 503).ShouldAllBe(s => s == 200);
    }

    [Fact]
    public async Task Rates_for_all_api_endpoints_can_be_set_and_cleared()
    {
        await using var emulator = await EmulatorHarness.StartAsync();
        emulator.Options.Faults.SetRate(FaultKind.TooManyRequests, 1);
        foreach (var endpoint in new[] { EmulatorEndpoint.Submit, EmulatorEndpoint.Status, EmulatorEndpoint.Result, EmulatorEndpoint.Cancel })
            emulator.Options.Faults.GetRate(endpoint, FaultKind.TooManyRequests).ShouldBe(1);
        emulator.Options.Faults.GetRate(EmulatorEndpoint.ListModels, FaultKind.TooManyRequests).ShouldBe(0);

        using (var response = await emulator.SubmitAsync(EmulatorHarness.EditBody())) ((int)response.StatusCode).ShouldBe(429);
        (await emulator.GetAsync("v1/models")).Status.ShouldBe(200);

        emulator.Options.Faults.ClearRates();
        await emulator.SubmitOkAsync();
    }
}
