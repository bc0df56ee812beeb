using System.Diagnostics;
using RunComfy.Diagnostics;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Diagnostics;

/// <summary>Runs alone (listeners are process-wide), so that nobody listens to the client's source or meter.</summary>
[CollectionDefinition(nameof(NoTelemetryListeners), DisableParallelization = true)]
public sealed class NoTelemetryListeners;

/// <summary>With nobody listening the client makes no span and sets no ambient state: the cost is a check per call.</summary>
[Collection(nameof(NoTelemetryListeners))]
public sealed class TelemetryOffTests
{
    [Fact]
    public async Task With_nobody_listening_a_run_makes_no_span_and_sets_no_ambient_model()
    {
        ClientTelemetry.Source.HasListeners().ShouldBeFalse();
        ClientMetrics.AnyEnabled.ShouldBeFalse();
        var handler = new FakeHttpHandler();
        handler.Submit.Ok(Wire.Submitted("off1"));
        handler.Status.Ok(Wire.Status("off1", "in_queue", 1)).Ok(Wire.Status("off1", "completed"));
        handler.Result.Ok(Wire.Completed("off1"));
        var seen = new List<(Activity? Current, string? Model)>();
        var progress = new ListProgress { OnReport = _ => seen.Add((Activity.Current, RunModel.ModelId)) };
        using var client = TestClient.Create(handler, new VirtualTimeProvider());

        var result = await client.RunAsync(TestSeedreamEditRequest.Valid(), new RunOptions { Progress = progress });

        result.State.ShouldBe(RunComfyRequestState.Completed);
        seen.Count.ShouldBe(2);
        seen.ShouldAllBe(s => s.Current == null && s.Model == null);
    }
}
