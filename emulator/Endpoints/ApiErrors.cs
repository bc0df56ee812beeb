using System.Text.Json.Nodes;
using RunComfy.Emulator.Validation;

namespace RunComfy.Emulator.Endpoints;

/// <summary>Builds error bodies <c>{"error_code", "error_message" | "message", "detail"?}</c> in the configured form.</summary>
internal sealed class ApiErrors(EmulatorOptions options)
{
    public ApiResponse Error(int statusCode, int? errorCode, string message, JsonNode? detail = null)
    {
        var body = new JsonObject();
        if (errorCode is { } code) body["error_code"] = code;
        body[options.Wire.ErrorMessageField] = message;
        if (detail is not null) body["detail"] = detail;
        return new ApiResponse(statusCode, body);
    }

    public ApiResponse TokenProblem(string message) =>
        Error(options.Wire.AuthFailureStatusCode, ErrorCodes.TokenProblem, message);

    public ApiResponse UnknownModel(string modelId) =>
        Error(400, ErrorCodes.InvalidResourceId, $"Invalid resource id: no model '{modelId}'.");

    public ApiResponse UnknownRequest(string requestId) =>
        Error(404, ErrorCodes.UnknownRequest, $"Request '{requestId}' is unknown, deleted or expired.");

    public ApiResponse AnotherUsersRequest(string requestId) =>
        Error(403, ErrorCodes.AnotherUsersRequest, $"Request '{requestId}' belongs to another user.");

    public ApiResponse NoBalance() =>
        Error(options.Wire.NoBalanceStatusCode, ErrorCodes.NoBalance, "No balance left: top up your account to run models.");

    /// <summary>A validation failure: <c>detail</c> lists every bad field, FastAPI style (<c>loc</c>, <c>msg</c>, <c>type</c>) plus <c>field</c>.</summary>
    public ApiResponse Invalid(IReadOnlyList<InputError> errors)
    {
        var detail = new JsonArray();
        foreach (var error in errors)
        {
            var location = new JsonArray("body");
            foreach (var segment in error.Path.Segments)
                location.Add(segment is int index ? JsonValue.Create(index) : JsonValue.Create((string)segment));
            detail.Add(new JsonObject
            {
                ["loc"] = location,
                ["field"] = error.Path.ToString(),
                ["msg"] = error.Message,
                ["type"] = error.Rule,
            });
        }
        var summary = string.Join("; ", errors.Take(5).Select(e => $"{e.Path}: {e.Message}"));
        var more = errors.Count > 5 ? $" (and {errors.Count - 5} more)" : "";
        return Error(options.Wire.ValidationStatusCode, options.Wire.ValidationErrorCode, $"Invalid input: {summary}{more}", detail);
    }
}
