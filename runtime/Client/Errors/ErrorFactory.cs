using System.Text;
using RunComfy.Client.Transport;
using RunComfy.Client.Wire;

namespace RunComfy.Client.Errors;

/// <summary>Builds the exceptions the client throws, with messages that say what happened and what to do.</summary>
internal sealed class ErrorFactory
{
    private readonly Func<string?, string?> _forMessage;

    /// <param name="forMessage">Makes server text fit for a message: redacted whole, controls stripped, cut (<see cref="ServerText.ForMessage"/>).</param>
    public ErrorFactory(Func<string?, string?> forMessage) => _forMessage = forMessage;

    public RunComfyException FromAnswer(WireAnswer answer, string operation, string? requestId)
    {
        var error = answer.Error;
        var message = new StringBuilder($"RunComfy {operation} failed: HTTP {answer.Status}");
        if (!string.IsNullOrEmpty(answer.ReasonPhrase))
        {
            message.Append($" ({answer.ReasonPhrase})");
        }

        if (error?.Code is { } code)
        {
            message.Append($", error {code}");
        }

        message.Append(": ").Append(Explain(answer)).Append('.');
        // The answer's strings are redacted already (WireAnswer); what goes into the message is also cleaned and cut.
        var serverMessage = error?.Message;
        if (_forMessage(serverMessage) is { Length: > 0 } shownMessage)
        {
            message.Append($" Server message: \"{shownMessage}\".");
        }

        var fields = error?.FieldErrors ?? [];
        if (fields.Count > 0)
        {
            var shown = fields.Take(20).Select(f => _forMessage(f.ToString()));
            message.Append(" Fields: ").Append(string.Join("; ", shown)).Append(fields.Count > 20 ? $"; and {fields.Count - 20} more" : "").Append('.');
        }

        if (answer.BodyExcerpt is { } excerpt)
        {
            message.Append($" Body: \"{excerpt}\".");
        }

        if (requestId is not null)
        {
            message.Append($" Request id: {requestId}.");
        }

        if (answer.RetryAfter is { } retryAfter)
        {
            message.Append($" Retry after: {retryAfter.TotalSeconds:0.###} s.");
        }

        return new RunComfyException(message.ToString(), answer.Status, error?.Code)
        {
            ServerMessage = serverMessage,
            Detail = error?.DetailJson,
            FieldErrors = fields,
            RequestId = requestId,
            RetryAfter = answer.RetryAfter,
            IsTransient = answer.IsTransient,
        };
    }

    public RunComfyException FromTransport(TransportException exception, string operation, string? requestId) =>
        new($"RunComfy {operation} failed: {exception.Message}{(requestId is null ? "" : $" Request id: {requestId}.")}", innerException: exception)
        {
            RequestId = requestId,
            IsTransient = true,
        };

    private static string Explain(WireAnswer answer)
    {
        if (answer.IsUnreadable)
        {
            return "the answer is not the JSON object the API documents";
        }

        return answer.Error?.Code switch
        {
            RunComfyErrorCodes.InvalidResourceId => "invalid resource id; check the model id",
            RunComfyErrorCodes.InsufficientBalance => "no balance left on the account; top up your RunComfy balance",
            RunComfyErrorCodes.AccountOrTokenProblem => "account or token problem; the token is missing, expired or revoked",
            RunComfyErrorCodes.ResultNotReady => "the result is not ready yet",
            RunComfyErrorCodes.RequestOfAnotherUser => "the request belongs to another user",
            RunComfyErrorCodes.RequestNotFound => "the request id is unknown, deleted or expired",
            _ => answer.EffectiveStatus switch
            {
                400 => "the request was rejected as invalid",
                401 => "the token was rejected (missing, expired or revoked)",
                402 => "insufficient balance; top up your RunComfy balance",
                403 => "access denied; the token may not use this resource",
                404 => "not found; check the model id or the request id",
                408 => "the server timed out waiting for the request",
                422 => "the input was rejected; see the fields",
                429 => "too many requests; rate limited",
                >= 500 => "RunComfy server error",
                _ => "unexpected answer",
            },
        };
    }
}
