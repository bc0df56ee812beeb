using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RunComfy.SchemaClient.Tests.Diagnostics;

/// <summary>One measurement the client recorded: instrument, value and tags.</summary>
public sealed record CapturedMeasurement(string Instrument, string? Unit, double Value, IReadOnlyDictionary<string, object?> Tags);

/// <summary>
/// Listens to the client's ActivitySource and Meter for one test. Listeners are process-wide and test classes run in
/// parallel, so it keeps only what belongs to this test: spans in the trace of its own root activity (started here,
/// current on the test's async flow) and measurements tagged with its own unique model id.
/// </summary>
public sealed class TelemetryCapture : IDisposable
{
    public const string Name = "RunComfy.SchemaClient";

    private readonly Activity _root;
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _spans = new();
    private readonly ConcurrentQueue<CapturedMeasurement> _measurements = new();

    /// <param name="otherSources">More activity sources to record in this test's trace (e.g. HttpClient's <c>System.Net.Http</c>).</param>
    public TelemetryCapture(params string[] otherSources)
    {
        ModelId = $"tests/telemetry-{Guid.NewGuid():N}";
        _root = new Activity("telemetry-test").SetIdFormat(ActivityIdFormat.W3C).Start();
        var traceId = _root.TraceId;
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == Name || otherSources.Contains(source.Name),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity =>
            {
                if (activity.TraceId == traceId)
                {
                    _spans.Enqueue(activity);
                }
            },
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    /// <summary>A model id no other test uses: give it to the request under test.</summary>
    public string ModelId { get; }

    /// <summary>The test's own root span; the client's spans are its descendants.</summary>
    public Activity Root => _root;

    public IReadOnlyList<Activity> Spans => [.. _spans];

    public IReadOnlyList<CapturedMeasurement> Measurements => [.. _measurements];

    public Activity Span(string name) => Spans.Single(s => s.OperationName == name);

    public IReadOnlyList<Activity> SpansNamed(string name) => [.. Spans.Where(s => s.OperationName == name)];

    /// <summary>The sum of an instrument's values for this test's model.</summary>
    public double Total(string instrument) => Measurements.Where(m => m.Instrument == instrument).Sum(m => m.Value);

    public IReadOnlyList<CapturedMeasurement> Of(string instrument) => [.. Measurements.Where(m => m.Instrument == instrument)];

    public void Dispose()
    {
        _meters.Dispose();
        _activities.Dispose();
        _root.Stop();
    }

    private void Record<T>(Instrument instrument, T value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        where T : struct
    {
        var copy = new Dictionary<string, object?>();
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value;
        }

        if (copy.TryGetValue("runcomfy.model.id", out var model) && Equals(model, ModelId))
        {
            _measurements.Enqueue(new CapturedMeasurement(instrument.Name, instrument.Unit, Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture), copy));
        }
    }
}
