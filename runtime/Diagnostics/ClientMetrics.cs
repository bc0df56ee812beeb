using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace RunComfy.Diagnostics;

/// <summary>
/// The client's instruments on <see cref="ClientTelemetry.Meter"/>. Tags are bounded: the model id (where the client
/// knows it), the operation, the final state; never a request id. Each record is skipped when nobody listens.
/// </summary>
internal static class ClientMetrics
{
    // Jobs take seconds to an hour: buckets for that range rather than the default milliseconds-oriented ones.
    private static readonly InstrumentAdvice<double> JobSeconds = new()
    {
        HistogramBucketBoundaries = [0.5, 1, 2, 5, 10, 20, 30, 60, 120, 300, 600, 1200, 1800, 3600],
    };

    public static readonly Counter<long> JobsSubmitted = ClientTelemetry.Meter.CreateCounter<long>(
        "runcomfy.client.jobs.submitted", "{job}", "Submits RunComfy answered with a request id.");

    public static readonly Counter<long> JobsCompleted = ClientTelemetry.Meter.CreateCounter<long>(
        "runcomfy.client.jobs.completed", "{job}", "Runs and waits that ended with the job completed.");

    public static readonly Counter<long> JobsFailed = ClientTelemetry.Meter.CreateCounter<long>(
        "runcomfy.client.jobs.failed", "{job}", "Runs and waits that ended with the job failed.");

    public static readonly Counter<long> JobsCancelled = ClientTelemetry.Meter.CreateCounter<long>(
        "runcomfy.client.jobs.cancelled", "{job}", "Runs and waits that ended with the job cancelled, elsewhere or by the run's own cancel on abort.");

    public static readonly Counter<long> SubmitsOutcomeUnknown = ClientTelemetry.Meter.CreateCounter<long>(
        "runcomfy.client.submits.outcome_unknown", "{submit}", "Submits that may have reached RunComfy without a usable answer (never resent).");

    public static readonly Counter<long> StatusCalls = ClientTelemetry.Meter.CreateCounter<long>(
        "runcomfy.client.status.calls", "{call}", "Status requests sent, retries included.");

    public static readonly Counter<long> Retries = ClientTelemetry.Meter.CreateCounter<long>(
        "runcomfy.client.retries", "{retry}", "Attempts sent again after a transient failure, by operation.");

    public static readonly Histogram<double> QueueDuration = ClientTelemetry.Meter.CreateHistogram<double>(
        "runcomfy.client.job.queue.duration", "s", "From a run's submit to the first status showing the job out of the queue.", tags: null, advice: JobSeconds);

    public static readonly Histogram<double> RunDuration = ClientTelemetry.Meter.CreateHistogram<double>(
        "runcomfy.client.job.run.duration", "s", "A finished job's whole time, creation to end: the result's finished_at minus created_at, else from the run's submit.", tags: null, advice: JobSeconds);

    /// <summary>True when any instrument has a listener; gates the work of gathering tags.</summary>
    public static bool AnyEnabled =>
        JobsSubmitted.Enabled || JobsCompleted.Enabled || JobsFailed.Enabled || JobsCancelled.Enabled || SubmitsOutcomeUnknown.Enabled
        || StatusCalls.Enabled || Retries.Enabled || QueueDuration.Enabled || RunDuration.Enabled;

    public static void Add(Counter<long> counter, string? modelId, long value = 1)
    {
        if (counter.Enabled && value > 0)
        {
            counter.Add(value, Tags(modelId));
        }
    }

    public static void AddRetries(string operation, string? modelId, long retries)
    {
        if (Retries.Enabled && retries > 0)
        {
            var tags = Tags(modelId);
            tags.Add(TelemetryTags.Operation, operation);
            Retries.Add(retries, tags);
        }
    }

    public static void RecordQueue(string? modelId, TimeSpan queued)
    {
        if (QueueDuration.Enabled)
        {
            QueueDuration.Record(queued.TotalSeconds, Tags(modelId));
        }
    }

    public static void RecordRun(string? modelId, RunComfyRequestState state, TimeSpan duration)
    {
        if (RunDuration.Enabled)
        {
            var tags = Tags(modelId);
            tags.Add(TelemetryTags.State, ClientSpans.StateName(state));
            RunDuration.Record(duration.TotalSeconds, tags);
        }
    }

    /// <summary>The job counter of a final state; null for a state that is not terminal.</summary>
    public static Counter<long>? ForFinalState(RunComfyRequestState state) => state switch
    {
        RunComfyRequestState.Completed => JobsCompleted,
        RunComfyRequestState.Failed => JobsFailed,
        RunComfyRequestState.Cancelled => JobsCancelled,
        _ => null,
    };

    private static TagList Tags(string? modelId)
    {
        var tags = default(TagList);
        if (modelId is not null)
        {
            tags.Add(TelemetryTags.ModelId, modelId);
        }

        return tags;
    }
}
