namespace RunComfy.Diagnostics;

/// <summary>
/// Tag names of the client's spans and instruments: OpenTelemetry's semantic-convention names where one exists
/// (<c>error.type</c>, <c>server.address</c>, <c>http.*</c>), lowercase dotted <c>runcomfy.*</c> names otherwise.
/// None carries the token, a prompt, media or a body.
/// </summary>
internal static class TelemetryTags
{
    public const string ModelId = "runcomfy.model.id";
    public const string RequestId = "runcomfy.request.id";
    public const string State = "runcomfy.request.state";
    public const string RawStatus = "runcomfy.request.raw_status";
    public const string QueuePosition = "runcomfy.request.queue_position";
    public const string Retries = "runcomfy.retries";
    public const string Polls = "runcomfy.run.polls";
    public const string BatchItems = "runcomfy.batch.items";
    public const string CancelOutcome = "runcomfy.cancel.outcome";
    public const string Operation = "runcomfy.operation";
    public const string ErrorCode = "runcomfy.error.code";
    public const string SubmitOutcomeUnknown = "runcomfy.submit.outcome_unknown";
    public const string ErrorType = "error.type";
    public const string ServerAddress = "server.address";
    public const string ServerPort = "server.port";
    public const string HttpRequestMethod = "http.request.method";
    public const string HttpResponseStatusCode = "http.response.status_code";
}
