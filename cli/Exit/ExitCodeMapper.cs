
namespace RunComfy.Cli.Exit;

/// <summary>Maps what went wrong to the official CLI's exit codes (see <see cref="ExitCodes"/>).</summary>
internal static class ExitCodeMapper
{
    /// <summary>The exit code for an HTTP answer (or its RunComfy <c>error_code</c>); null status means no answer.</summary>
    public static int ForHttpStatus(int? status, string? errorCode = null)
    {
        // Token problems come as HTTP 400 with 400004, and another user's request as 403001.
        if (errorCode is RunComfyErrorCodes.AccountOrTokenProblem or RunComfyErrorCodes.RequestOfAnotherUser)
        {
            return ExitCodes.NoPermission;
        }

        return status switch
        {
            401 or 403 => ExitCodes.NoPermission,
            408 or 429 => ExitCodes.TryLater,
            >= 400 and < 500 => ExitCodes.BadInput,
            >= 500 and < 600 => ExitCodes.Unavailable,
            null => ExitCodes.Unavailable,
            _ => ExitCodes.Failed,
        };
    }

    /// <summary>The exit code for an exception that ended a command.</summary>
    public static int ForException(Exception exception) => exception switch
    {
        CliException cli => cli.ExitCode,
        SubmitOutcomeUnknownException => ExitCodes.SubmitOutcomeUnknown,
        RunComfyJobFailedException => ExitCodes.Failed,
        UnknownRequestStateException => ExitCodes.TryLater,
        RunComfyException api => ForHttpStatus(api.Status, api.ErrorCode),
        TimeoutException => ExitCodes.TryLater,
        RequestValidationException or RequestJsonException => ExitCodes.BadInput,
        RunComfyDownloadException { HttpStatus: { } status } => ForHttpStatus(status),
        RunComfyDownloadException => ExitCodes.Failed,
        FileNotFoundException or DirectoryNotFoundException => ExitCodes.MissingFile,
        HttpRequestException => ExitCodes.Unavailable,
        // A malformed request id is bad input like an unknown one (404, 65); any other argument the
        // runtime refuses came from the command line.
        ArgumentException { ParamName: "requestId" } => ExitCodes.BadInput,
        ArgumentException => ExitCodes.Usage,
        _ => ExitCodes.Failed,
    };

    /// <summary>The message of an exception for a person: an <see cref="ArgumentException"/> without its "(Parameter 'x')" suffix.</summary>
    public static string MessageOf(Exception exception) =>
        exception is ArgumentException { ParamName: { } name } argument
            ? argument.Message.Replace($" (Parameter '{name}')", "", StringComparison.Ordinal)
            : exception.Message;
}
