using System.Text.Json.Nodes;

namespace RunComfy.Emulator.Endpoints;

/// <summary>An answer before faults are applied: status, JSON body, extra headers.</summary>
/// <param name="StatusCode">HTTP status.</param>
/// <param name="Body">JSON body.</param>
/// <param name="JobAccepted">A submit created a job (faults after this point lose the answer, not the job).</param>
internal sealed record ApiResponse(int StatusCode, JsonObject Body, bool JobAccepted = false)
{
    public Dictionary<string, string> Headers { get; } = new(StringComparer.OrdinalIgnoreCase);
}
