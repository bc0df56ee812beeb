using Microsoft.AspNetCore.Http;
using RunComfy.Emulator.Hosting;
using RunComfy.Emulator.Jobs;

namespace RunComfy.Emulator.Endpoints;

/// <summary>The checks every request-id endpoint makes: token (400004), id known (404001), caller owns it (403001).</summary>
internal static class JobAccess
{
    public static Job? Find(EmulatorState state, HttpRequest request, string requestId, out ApiResponse? refusal)
    {
        refusal = null;
        if (state.Auth.Authenticate(request, out var problem) is not { } owner)
        {
            state.Stats.CountAuthFailure();
            refusal = state.Errors.TokenProblem(problem);
            return null;
        }
        if (state.Jobs.Find(requestId) is not { } job)
        {
            refusal = state.Errors.UnknownRequest(requestId);
            return null;
        }
        if (!string.Equals(job.Owner, owner, StringComparison.Ordinal))
        {
            refusal = state.Errors.AnotherUsersRequest(requestId);
            return null;
        }
        return job;
    }
}
