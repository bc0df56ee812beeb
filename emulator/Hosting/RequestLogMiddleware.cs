using Microsoft.AspNetCore.Http;

namespace RunComfy.Emulator.Hosting;

/// <summary>One line per request to <see cref="EmulatorOptions.RequestLog"/>: method, path, status. Never headers or bodies, so never a token.</summary>
internal sealed class RequestLogMiddleware(EmulatorOptions options)
{
    private readonly object _gate = new();

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        try
        {
            await next();
        }
        finally
        {
            if (options.RequestLog is { } log)
            {
                var status = context.RequestAborted.IsCancellationRequested ? "dropped" : context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var line = $"{DateTimeOffset.Now:HH:mm:ss.fff} {context.Request.Method} {context.Request.Path} -> {status}";
                lock (_gate) log.WriteLine(line);
            }
        }
    }
}
