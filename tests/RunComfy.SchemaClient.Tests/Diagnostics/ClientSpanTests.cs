using System.Diagnostics;
using System.Reflection;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Diagnostics;

/// <summary>The spans of RunAsync, WaitAsync and the single calls: names, parent/child shape, tags, error status.</summary>
public sealed class ClientSpanTests
{
    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();

    [Fact]
    public async Task A_run_is_one_span_whose_children_are_the_submit_the_status_polls_and_the_result()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Submit.Ok(Wire.Submitted("r1"));
        _handler.Status.Ok(Wire.Status("r1", "in_queue", 3)).Ok(Wire.Status("r1", "in_progress")).Ok(Wire.Status("r1", "completed"));
        _handler.Result.Ok(Wire.Completed("r1"));
        using var client = TestClient.Create(_handler, _time);

        await client.RunAsync(Request(telemetry));

        var run = telemetry.Span("RunComfyClient.Run");
        run.ParentSpanId.ShouldBe(telemetry.Root.SpanId);
        run.Kind.ShouldBe(ActivityKind.Internal);
        run.Status.ShouldBe(ActivityStatusCode.Unset);
        run.Source.Name.ShouldBe("RunComfy.SchemaClient");
        run.Source.Version.ShouldBe(typeof(RunComfyClient).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion);
        run.GetTagItem("runcomfy.model.id").ShouldBe(telemetry.ModelId);
        run.GetTagItem("runcomfy.request.id").ShouldBe("r1");
        run.GetTagItem("runcomfy.request.state").ShouldBe("completed");
        run.GetTagItem("runcomfy.run.polls").ShouldBe(3);

        var children = telemetry.Spans.Where(s => s.ParentSpanId == run.SpanId).OrderBy(s => s.StartTimeUtc).ThenBy(s => s.OperationName).ToList();
        children.Select(s => s.OperationName).ShouldBe(
            ["RunComfyClient.Submit", "RunComfyClient.GetStatus", "RunComfyClient.GetStatus", "RunComfyClient.GetStatus", "RunComfyClient.GetResult"],
            ignoreOrder: true);
        telemetry.Spans.Count.ShouldBe(6);

        var submit = telemetry.Span("RunComfyClient.Submit");
        submit.GetTagItem("runcomfy.model.id").ShouldBe(telemetry.ModelId);
        submit.GetTagItem("runcomfy.request.id").ShouldBe("r1");
        submit.GetTagItem("http.request.method").ShouldBe("POST");
        submit.GetTagItem("http.response.status_code").ShouldBe(200);
        submit.GetTagItem("server.address").ShouldBe("model-api.runcomfy.net");
        submit.GetTagItem("server.port").ShouldBe(443);
        submit.GetTagItem("runcomfy.retries").ShouldBe(0);

        var polls = telemetry.SpansNamed("RunComfyClient.GetStatus").OrderBy(s => s.StartTimeUtc).ToList();
        polls.ShouldAllBe(s => (string?)s.GetTagItem("runcomfy.request.id") == "r1" && (string?)s.GetTagItem("http.request.method") == "GET");
        polls.Select(s => s.GetTagItem("runcomfy.request.state")).ShouldBe(["in_queue", "in_progress", "completed"], ignoreOrder: true);
        polls.Single(s => (string?)s.GetTagItem("runcomfy.request.state") == "in_queue").GetTagItem("runcomfy.request.queue_position").ShouldBe(3);

        var result = telemetry.Span("RunComfyClient.GetResult");
        result.GetTagItem("runcomfy.request.state").ShouldBe("completed");
        result.GetTagItem("http.response.status_code").ShouldBe(200);
        telemetry.Spans.ShouldAllBe(s => !s.Events.Any());
    }

    [Fact]
    public async Task A_retried_call_tags_its_retries_and_the_final_status_code()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Submit.Ok(Wire.Submitted("r2"));
        _handler.Status.Json(503, "{}").Json(503, "{}").Ok(Wire.Status("r2", "completed"));
        _handler.Result.Ok(Wire.Completed("r2"));
        using var client = TestClient.Create(_handler, _time);

        await client.RunAsync(Request(telemetry));

        var status = telemetry.Span("RunComfyClient.GetStatus");
        status.GetTagItem("runcomfy.retries").ShouldBe(2);
        status.GetTagItem("http.response.status_code").ShouldBe(200);
        status.Status.ShouldBe(ActivityStatusCode.Unset);
    }

    [Fact]
    public async Task A_failed_job_marks_the_run_span_as_an_error_with_its_type()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Submit.Ok(Wire.Submitted("r3"));
        _handler.Status.Ok(Wire.Status("r3", "failed"));
        _handler.Result.Ok(Wire.Failed("r3", "out of memory"));
        using var client = TestClient.Create(_handler, _time);

        await Should.ThrowAsync<RunComfyJobFailedException>(() => client.RunAsync(Request(telemetry)));

        var run = telemetry.Span("RunComfyClient.Run");
        run.Status.ShouldBe(ActivityStatusCode.Error);
        run.StatusDescription.ShouldBe("RunComfy.RunComfyJobFailedException");
        run.GetTagItem("error.type").ShouldBe("RunComfy.RunComfyJobFailedException");
        run.GetTagItem("runcomfy.request.state").ShouldBe("failed");
        run.Events.ShouldBeEmpty();

        // The calls themselves succeeded: only the run failed.
        telemetry.Span("RunComfyClient.GetResult").Status.ShouldBe(ActivityStatusCode.Unset);
        telemetry.Span("RunComfyClient.GetResult").GetTagItem("runcomfy.request.state").ShouldBe("failed");
    }

    [Fact]
    public async Task An_error_answer_tags_the_call_with_its_type_code_and_HTTP_status()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Status.Json(404, Wire.Error(404001, "request not found"));
        using var client = TestClient.Create(_handler, _time);

        await Should.ThrowAsync<RunComfyException>(() => client.WaitAsync("r4"));

        var wait = telemetry.Span("RunComfyClient.Wait");
        wait.ParentSpanId.ShouldBe(telemetry.Root.SpanId);
        wait.GetTagItem("runcomfy.request.id").ShouldBe("r4");
        wait.GetTagItem("runcomfy.model.id").ShouldBeNull();
        wait.GetTagItem("error.type").ShouldBe("RunComfy.RunComfyException");
        var status = telemetry.Span("RunComfyClient.GetStatus");
        status.ParentSpanId.ShouldBe(wait.SpanId);
        status.Status.ShouldBe(ActivityStatusCode.Error);
        status.GetTagItem("error.type").ShouldBe("RunComfy.RunComfyException");
        status.GetTagItem("runcomfy.error.code").ShouldBe("404001");
        status.GetTagItem("http.response.status_code").ShouldBe(404);
    }

    [Fact]
    public async Task A_timeout_while_queued_shows_the_cancel_as_a_child_span_and_the_outcome_on_the_run()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Submit.Ok(Wire.Submitted("r5"));
        _handler.Status.Ok(Wire.Status("r5", "in_queue", 4));
        _handler.Cancel.Ok(Wire.CancelAnswer("r5", "cancelled"));
        using var client = TestClient.Create(_handler, _time);

        await Should.ThrowAsync<RunComfyTimeoutException>(() => client.RunAsync(Request(telemetry), new RunOptions { Timeout = TimeSpan.FromSeconds(30) }));

        var run = telemetry.Span("RunComfyClient.Run");
        run.GetTagItem("error.type").ShouldBe("RunComfy.RunComfyTimeoutException");
        run.GetTagItem("runcomfy.cancel.outcome").ShouldBe("cancelled");
        run.GetTagItem("runcomfy.request.state").ShouldBe("in_queue");
        var cancel = telemetry.Span("RunComfyClient.Cancel");
        cancel.ParentSpanId.ShouldBe(run.SpanId);
        cancel.GetTagItem("runcomfy.cancel.outcome").ShouldBe("cancelled");
        cancel.GetTagItem("http.request.method").ShouldBe("POST");
    }

    [Fact]
    public async Task A_submit_with_an_unknown_outcome_is_an_error_span_that_says_so()
    {
        using var telemetry = new TelemetryCapture();
        _handler.Submit.Json(500, Wire.Error(500001, "internal"));
        using var client = TestClient.Create(_handler, _time);

        await Should.ThrowAsync<SubmitOutcomeUnknownException>(() => client.SubmitAsync(Request(telemetry)));

        var submit = telemetry.Span("RunComfyClient.Submit");
        submit.Status.ShouldBe(ActivityStatusCode.Error);
        submit.GetTagItem("error.type").ShouldBe("RunComfy.SubmitOutcomeUnknownException");
        submit.GetTagItem("runcomfy.submit.outcome_unknown").ShouldBe(true);
        submit.GetTagItem("http.response.status_code").ShouldBe(500);
        submit.GetTagItem("runcomfy.request.id").ShouldBeNull();
    }

    [Fact]
    public async Task HttpClient_spans_of_each_attempt_are_children_of_the_operation_spans()
    {
        using var telemetry = new TelemetryCapture("System.Net.Http");
        await using var emulator = await ClientEmulator.StartAsync(o =>
            o.ExtraSchemas[telemetry.ModelId] = """{"type":"object","properties":{"prompt":{"type":"string"},"images":{"type":"array","items":{"type":"string"}}}}""");
        using var client = ClientEmulator.Client(emulator);

        await client.RunAsync(Request(telemetry), ClientEmulator.Run());

        var operations = telemetry.Spans.Where(s => s.Source.Name == "RunComfy.SchemaClient" && s.OperationName != "RunComfyClient.Run").ToDictionary(s => s.SpanId);
        var http = telemetry.Spans.Where(s => s.Source.Name == "System.Net.Http").ToList();
        http.Count.ShouldBe(operations.Count);
        http.ShouldAllBe(s => operations.ContainsKey(s.ParentSpanId) && s.Kind == ActivityKind.Client);
        operations.Values.ShouldAllBe(s => (string?)s.GetTagItem("server.address") == emulator.BaseAddress.Host);
    }

    private static TestSeedreamEditRequest Request(TelemetryCapture telemetry) =>
        new() { ModelId = telemetry.ModelId, Prompt = "a cat in a hat", Images = ["https://example.com/cat.png"] };
}
