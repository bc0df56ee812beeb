using System.Diagnostics;
using System.Net.Http;

namespace RunComfy.Diagnostics;

/// <summary>
/// The client's spans on <see cref="ClientTelemetry.Source"/>, named <c>RunComfyClient.Operation</c> in the Azure SDK
/// style and of kind <see cref="ActivityKind.Internal"/>: the HTTP attempts under them are HttpClient's own spans.
/// No span records an exception event or message (they may quote server text or field values): a failure sets the
/// error status and <c>error.type</c> only.
/// </summary>
internal static class ClientSpans
{
    public const string Submit = "RunComfyClient.Submit";
    public const string GetStatus = "RunComfyClient.GetStatus";
    public const string GetResult = "RunComfyClient.GetResult";
    public const string Cancel = "RunComfyClient.Cancel";
    public const string Run = "RunComfyClient.Run";
    public const string Wait = "RunComfyClient.Wait";
    public const string RunBatch = "RunComfyClient.RunBatch";

    /// <summary>Starts a span, or returns null (at the cost of one check) when nobody listens.</summary>
    public static Activity? Start(string name, string? modelId, string? requestId)
    {
        if (!ClientTelemetry.Source.HasListeners())
        {
            return null;
        }

        var activity = ClientTelemetry.Source.StartActivity(name, ActivityKind.Internal);
        if (activity is { IsAllDataRequested: true })
        {
            if (modelId is not null)
            {
                activity.SetTag(TelemetryTags.ModelId, modelId);
            }

            if (requestId is not null)
            {
                activity.SetTag(TelemetryTags.RequestId, requestId);
            }
        }

        return activity;
    }

    /// <summary>Tags a span that is recorded; a no-op for null or sampled-out spans.</summary>
    public static void Tag(Activity? activity, string name, object? value)
    {
        if (activity is { IsAllDataRequested: true } && value is not null)
        {
            activity.SetTag(name, value);
        }
    }

    /// <summary>The state and, when the state is unknown, the raw status (server text, passed in already redacted and sanitised).</summary>
    public static void TagState(Activity? activity, RunComfyRequestState state, string? safeRawStatus)
    {
        Tag(activity, TelemetryTags.State, StateName(state));
        if (state == RunComfyRequestState.Unknown)
        {
            Tag(activity, TelemetryTags.RawStatus, safeRawStatus);
        }
    }

    /// <summary>The semantic-convention HTTP tags of the call's last attempt, and how many times it was retried.</summary>
    public static void TagHttp(Activity? activity, HttpMethod method, Uri uri, int? status, int retries)
    {
        if (activity is not { IsAllDataRequested: true })
        {
            return;
        }

        activity.SetTag(TelemetryTags.ServerAddress, uri.Host);
        activity.SetTag(TelemetryTags.ServerPort, uri.Port);
        activity.SetTag(TelemetryTags.HttpRequestMethod, method.Method);
        if (status is { } code)
        {
            activity.SetTag(TelemetryTags.HttpResponseStatusCode, code);
        }

        activity.SetTag(TelemetryTags.Retries, retries);
    }

    /// <summary>
    /// Marks a span failed: error status, <c>error.type</c> (the exception's type), the RunComfy error code when it is
    /// six digits, and whether a submit's outcome is unknown. Returns false, to be used as an exception filter that
    /// records without catching.
    /// </summary>
    public static bool Fail(Activity? activity, Exception exception)
    {
        if (activity is null)
        {
            return false;
        }

        var type = exception.GetType().FullName ?? exception.GetType().Name;
        activity.SetStatus(ActivityStatusCode.Error, type);
        activity.SetTag(TelemetryTags.ErrorType, type);
        if (exception is RunComfyException { ErrorCode: { Length: 6 } code } && code.All(char.IsAsciiDigit))
        {
            activity.SetTag(TelemetryTags.ErrorCode, code);
        }

        if (exception is SubmitOutcomeUnknownException
            or RunComfyCanceledException { SubmitOutcomeUnknown: true }
            or RunComfyTimeoutException { SubmitOutcomeUnknown: true })
        {
            activity.SetTag(TelemetryTags.SubmitOutcomeUnknown, true);
        }

        return false;
    }

    /// <summary>The wire name of a state (bounded: one of six).</summary>
    public static string StateName(RunComfyRequestState state) => state switch
    {
        RunComfyRequestState.InQueue => "in_queue",
        RunComfyRequestState.InProgress => "in_progress",
        RunComfyRequestState.Completed => "completed",
        RunComfyRequestState.Cancelled => "cancelled",
        RunComfyRequestState.Failed => "failed",
        _ => "unknown",
    };

    /// <summary>The wire name of a cancel outcome.</summary>
    public static string OutcomeName(CancelOutcome outcome) => outcome switch
    {
        CancelOutcome.Cancelled => "cancelled",
        CancelOutcome.NotCancellable => "not_cancellable",
        CancelOutcome.CancellationRequested => "cancellation_requested",
        _ => "unknown",
    };
}
