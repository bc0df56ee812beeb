namespace RunComfy.Client.Wire;

/// <summary>
/// Every URL the client calls, built from its own base address. URLs sent by the server are never followed,
/// so the token only ever goes to the configured host.
/// </summary>
internal sealed class RunComfyEndpoints
{
    public RunComfyEndpoints(Uri baseAddress) => BaseAddress = baseAddress;

    /// <summary>The base address, ending with a slash.</summary>
    public Uri BaseAddress { get; }

    /// <summary><c>POST /v1/models/{model_id}</c>; the model id keeps its slashes.</summary>
    public Uri Submit(string modelId) => new(BaseAddress, "v1/models/" + modelId);

    public Uri Status(string requestId) => Request(requestId, "status");

    public Uri Result(string requestId, bool includeCost = false) =>
        Request(requestId, includeCost ? "result?include_cost=true" : "result");

    public Uri Cancel(string requestId) => Request(requestId, "cancel");

    private Uri Request(string requestId, string action) =>
        new(BaseAddress, $"v1/requests/{Uri.EscapeDataString(requestId)}/{action}");

    /// <summary>Checks a model id before it goes into a path unescaped: segments of safe characters, no dot segments.</summary>
    public static void ValidateModelId(string modelId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        var segments = modelId.Split('/');
        foreach (var segment in segments)
        {
            if (segment.Length == 0 || segment is "." or ".." || !segment.All(IsSafe))
            {
                throw new ArgumentException(
                    $"'{modelId}' is not a model id: expected segments of letters, digits, '-', '_' and '.' separated by '/', like 'bytedance/seedream-4-0/edit'.",
                    nameof(modelId));
            }
        }

        static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.';
    }

    /// <summary>Checks a request id before it goes into a path: one safe segment (<see cref="RequestIds"/>).</summary>
    public static void ValidateRequestId(string requestId)
    {
        ArgumentNullException.ThrowIfNull(requestId);
        RequestIds.Validate(requestId, nameof(requestId));
    }
}
