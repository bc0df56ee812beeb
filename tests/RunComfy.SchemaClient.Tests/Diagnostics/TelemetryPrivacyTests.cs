using System.Diagnostics;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Diagnostics;

/// <summary>The token, the prompt and the media never reach a span, a tag, an event or a metric; server text is redacted.</summary>
public sealed class TelemetryPrivacyTests
{
    private const string Prompt = "PROMPT-a-private-holiday-photo-7f3a";
    private const string Media = "https://example.com/private-MEDIA-9c1e.png";

    private readonly FakeHttpHandler _handler = new();
    private readonly VirtualTimeProvider _time = new();

    [Fact]
    public async Task No_span_tag_event_or_measurement_holds_the_token_the_prompt_or_the_media_even_when_the_server_echoes_them()
    {
        using var telemetry = new TelemetryCapture();

        // A hostile server: it echoes the token in a status it makes up (the one server text a tag carries), and the
        // token and the user's input in its errors and the result.
        _handler.Submit.Ok(Wire.Submitted("p1"));
        _handler.Status
            .Ok($$"""{"request_id":"p1","status":"weird {{TestClient.Token}}\u001b[31m"}""")
            .Json(503, Wire.Error(503001, $"down {TestClient.Token} {Prompt} {Media}"))
            .Ok(Wire.Status("p1", "failed"));
        _handler.Result.Ok($$"""{"request_id":"p1","status":"failed","error":"bad input {{Prompt}} {{Media}} {{TestClient.Token}}"}""");
        using var client = TestClient.Create(_handler, _time);
        var request = new TestSeedreamEditRequest { ModelId = telemetry.ModelId, Prompt = Prompt, Images = [Media] };

        await Should.ThrowAsync<RunComfyJobFailedException>(() => client.RunAsync(request, new RunOptions { UnknownStatusLimit = 3 }));
        _handler.Cancel.Ok(Wire.CancelAnswer("p1", "not_cancellable", "in_progress"));
        await client.CancelAsync("p1");

        var texts = telemetry.Spans.SelectMany(Texts).Concat(telemetry.Measurements.SelectMany(m => m.Tags.Select(t => $"{t.Key}={t.Value}"))).ToList();
        texts.Count.ShouldBeGreaterThan(40);
        foreach (var secret in new[] { TestClient.Token, Prompt, Media, "MEDIA-9c1e", "PROMPT-a-private" })
        {
            texts.ShouldAllBe(text => !text.Contains(secret, StringComparison.OrdinalIgnoreCase));
        }

        // The unknown status did reach a tag, redacted and without its control characters.
        var raw = telemetry.Spans.Select(s => s.GetTagItem("runcomfy.request.raw_status") as string).Single(r => r is not null)!;
        raw.ShouldContain("weird ***");
        raw.ShouldNotContain("\u001b");
    }

    private static IEnumerable<string> Texts(Activity span) =>
        new[] { span.OperationName, span.DisplayName, span.StatusDescription ?? "" }
            .Concat(span.TagObjects.Select(t => $"{t.Key}={t.Value}"))
            .Concat(span.Baggage.Select(b => $"{b.Key}={b.Value}"))
            .Concat(span.Events.SelectMany(e => e.Tags.Select(t => $"{e.Name}:{t.Key}={t.Value}").Append(e.Name)))
            .Concat(span.Links.SelectMany(l => l.Tags?.Select(t => $"{t.Key}={t.Value}") ?? []));
}
