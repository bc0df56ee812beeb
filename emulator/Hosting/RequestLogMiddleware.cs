using Microsoft.AspNetCore.Http;

namespace RunComfy.Emulator.Hosting;

/// <summary>One line per request to <see cref="EmulatorOptions.RequestLog"/>: method, path, status. Never headers or bodies, so never a token.</summary>
internal sealed class RequestLogMiddleware(EmulatorOptions options)
{
    private readonly object _gate = new();

    public async Task InvokeAsync(HttpContext context, Func<Task> next)
    {
        var failed = false;
        try
        {
            await next();
        }
        catch
        {
            failed = true;
            throw;
        }
        finally
        {
            if (options.RequestLog is { } log)
            {
                var line = $"{DateTimeOffset.Now:HH:mm:ss.fff} {context.Request.Method} {context.Request.Path} -> {StatusSent(context, failed)}";
                lock (_gate) log.WriteLine(line);
            }
        }
    }

    /// <summary>
    /// What went out: an exception before the answer started is sent by Kestrel as a bare 500, whatever status the
    /// handler had set; after it started, the connection is cut.
    /// </summary>
    private static string StatusSent(HttpContext context, bool failed)
    {
        var status = context.Response.StatusCode.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return failed
            ? context.Response.HasStarted ? $"{status}, then cut off by an error" : "500 (unhandled error)"
            : context.RequestAborted.IsCancellationRequested ? "dropped" : status;
    }
}
