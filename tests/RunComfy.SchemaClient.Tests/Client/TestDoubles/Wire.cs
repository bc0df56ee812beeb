namespace RunComfy.SchemaClient.Tests.Client.TestDoubles;

/// <summary>Answer bodies in the forms WIRE.md lists.</summary>
public static class Wire
{
    public const string Base = "https://model-api.runcomfy.net";

    public static string Submitted(string id) =>
        $$"""{"request_id":"{{id}}","status_url":"{{Base}}/v1/requests/{{id}}/status","result_url":"{{Base}}/v1/requests/{{id}}/result","cancel_url":"{{Base}}/v1/requests/{{id}}/cancel"}""";

    public static string Status(string id, string status, int? queuePosition = null) =>
        queuePosition is { } position
            ? $$"""{"request_id":"{{id}}","status":"{{status}}","queue_position":{{position}}}"""
            : $$"""{"request_id":"{{id}}","status":"{{status}}"}""";

    public static string Completed(string id, string image = "https://cdn.runcomfy.net/out/1.png") =>
        $$"""{"request_id":"{{id}}","status":"completed","output":{"image":"{{image}}"},"created_at":"2030-01-01T00:00:00Z","finished_at":"2030-01-01T00:00:09Z"}""";

    public static string Failed(string id, string message) =>
        $$"""{"request_id":"{{id}}","status":"failed","error":"{{message}}"}""";

    public static string CancelAnswer(string id, string outcome, string status = "cancelled") =>
        $$"""{"request_id":"{{id}}","status":"{{status}}","outcome":"{{outcome}}"}""";

    public static string Error(int code, string message, string messageField = "error_message") =>
        $$"""{"error_code":{{code}},"{{messageField}}":"{{message}}"}""";
}
