using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using RunComfy.Emulator.Faults;
using RunComfy.Emulator.Hosting;

namespace RunComfy.Emulator.Files;

/// <summary>
/// Serves files in the <see cref="FileStore"/> on GET and HEAD, with Range, ETag and Last-Modified, and
/// applies <see cref="EmulatorEndpoint.File"/> faults; <see cref="FaultKind.MalformedJson"/> becomes a
/// truncated download (full Content-Length, half the bytes, then a reset).
/// </summary>
internal sealed class FileServingMiddleware(EmulatorState state)
{
    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var request = context.Request;
        if (!(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method)) || state.Files.Find(request.Path.Value ?? "") is not { } file)
        {
            await next();
            return;
        }

        state.Stats.CountCall(EmulatorEndpoint.File);
        var fault = state.Options.Faults.Next(EmulatorEndpoint.File);
        if (fault is { } injected)
        {
            state.Stats.CountFault(EmulatorEndpoint.File, injected.Kind);
            if (await AnswerFaultAsync(context, injected, file)) return;
        }

        var etag = new EntityTagHeaderValue($"\"{file.Content.Length:x}-{file.LastModified.UtcTicks:x}\"");
        await Results.Bytes(file.Content, file.ContentType, enableRangeProcessing: true, lastModified: file.LastModified, entityTag: etag)
            .ExecuteAsync(context);
    }

    /// <summary>Answers the fault; false when the file should still be served (after a slow wait).</summary>
    private async Task<bool> AnswerFaultAsync(HttpContext context, InjectedFault fault, ServedFile file)
    {
        var faults = state.Options.Faults;
        switch (fault.Kind)
        {
            case FaultKind.SlowAnswer:
                await Task.Delay(faults.SlowAnswerDelay, context.RequestAborted);
                return false;
            case FaultKind.DropConnection:
                context.Abort();
                return true;
            case FaultKind.MalformedJson:
                context.Response.StatusCode = 200;
                context.Response.ContentType = file.ContentType;
                context.Response.ContentLength = file.Content.Length;
                await context.Response.Body.WriteAsync(file.Content.AsMemory(0, file.Content.Length / 2), context.RequestAborted);
                await context.Response.Body.FlushAsync(context.RequestAborted);
                context.Abort();
                return true;
            case FaultKind.TooManyRequests or FaultKind.ServiceUnavailable:
                context.Response.StatusCode = fault.Kind == FaultKind.TooManyRequests ? 429 : 503;
                context.Response.Headers.RetryAfter = faults.RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return true;
            case FaultKind.JobFailure:
                return false;
            default:
                context.Response.StatusCode = 500;
                return true;
        }
    }
}
