using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using RunComfy.Emulator.Faults;
using RunComfy.Emulator.Hosting;

namespace RunComfy.Emulator.Endpoints;

/// <summary>
/// Runs one API call: counts it, picks its fault, and either answers the fault instead of doing the work
/// (before acceptance) or does the work and then spoils the answer (after acceptance).
/// </summary>
internal sealed class EndpointRunner(EmulatorState state)
{
    public Task RunAsync(HttpContext context, EmulatorEndpoint endpoint, Func<InjectedFault?, ApiResponse> handler) =>
        RunAsync(context, endpoint, fault => Task.FromResult(handler(fault)));

    public async Task RunAsync(HttpContext context, EmulatorEndpoint endpoint, Func<InjectedFault?, Task<ApiResponse>> handler)
    {
        state.Stats.CountCall(endpoint);
        var fault = state.Options.Faults.Next(endpoint);
        if (fault is { } early && early.BeforeAccept)
        {
            state.Stats.CountFault(endpoint, early.Kind);
            if (endpoint == EmulatorEndpoint.Submit) state.Stats.CountSubmitRefusedByFault();
            if (early.Kind == FaultKind.SlowAnswer)
            {
                // A slow answer before acceptance: the work happens only after the wait.
                await Task.Delay(state.Options.Faults.SlowAnswerDelay, context.RequestAborted);
                await WriteAsync(context, await handler(null));
                return;
            }
            await WriteFaultAsync(context, early, normal: null);
            return;
        }

        var response = await handler(fault);
        if (fault is not { } late)
        {
            await WriteAsync(context, response);
            return;
        }
        state.Stats.CountFault(endpoint, late.Kind);
        if (endpoint == EmulatorEndpoint.Submit && response.JobAccepted && late.Kind != FaultKind.JobFailure)
            state.Stats.CountSubmitAcceptedWithFaultedAnswer();
        await WriteFaultAsync(context, late, response);
    }

    public static async Task WriteAsync(HttpContext context, ApiResponse response)
    {
        context.Response.StatusCode = response.StatusCode;
        foreach (var (name, value) in response.Headers) context.Response.Headers[name] = value;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(response.Body.ToJsonString(WireJson.Options), context.RequestAborted);
    }

    private async Task WriteFaultAsync(HttpContext context, InjectedFault fault, ApiResponse? normal)
    {
        var faults = state.Options.Faults;
        switch (fault.Kind)
        {
            case FaultKind.TooManyRequests:
                await WriteAsync(context, WithRetryAfter(state.Errors.Error(429, null, "Too many requests: slow down and retry later.")));
                break;
            case FaultKind.ServiceUnavailable:
                await WriteAsync(context, WithRetryAfter(state.Errors.Error(503, null, "The service is temporarily unavailable.")));
                break;
            case FaultKind.InternalServerError:
                await WriteAsync(context, state.Errors.Error(500, null, "Internal server error."));
                break;
            case FaultKind.NoBalance:
                await WriteAsync(context, state.Errors.NoBalance());
                break;
            case FaultKind.ErrorCodeWithOkStatus:
                await WriteAsync(context, state.Errors.Error(200, faults.ErrorCodeInOkAnswer, "The request failed (an error answered with HTTP 200)."));
                break;
            case FaultKind.SlowAnswer:
                await Task.Delay(faults.SlowAnswerDelay, context.RequestAborted);
                await WriteAsync(context, normal ?? state.Errors.Error(500, null, "Internal server error."));
                break;
            case FaultKind.DropConnection:
                // Reset the connection with no answer: the client cannot tell whether the work happened.
                context.Abort();
                break;
            case FaultKind.MalformedJson:
                var json = (normal?.Body ?? new JsonObject { ["request_id"] = "x" }).ToJsonString(WireJson.Options);
                context.Response.StatusCode = 200;
                context.Response.ContentType = "application/json; charset=utf-8";
                var cut = Math.Clamp((int)(json.Length * faults.NextCutFraction()), 1, json.Length - 1);
                await context.Response.WriteAsync(json[..cut], Encoding.UTF8, context.RequestAborted);
                break;
            default:
                // JobFailure spoils the job, not the answer.
                await WriteAsync(context, normal ?? state.Errors.Error(500, null, "Internal server error."));
                break;
        }
    }

    private ApiResponse WithRetryAfter(ApiResponse response)
    {
        response.Headers["Retry-After"] = Math.Max(0, state.Options.Faults.RetryAfterSeconds).ToString(CultureInfo.InvariantCulture);
        return response;
    }
}
