namespace RunComfy;

/// <summary>
/// The RunComfy API answered with an error, or could not be reached. Carries the HTTP status, the RunComfy
/// <c>error_code</c>, the server's message and <c>detail</c>, and the request id where known. An HTTP 200
/// answer with an <c>error_code</c> is an error too (<see cref="Status"/> is then 200).
/// </summary>
/// <remarks>The token is never part of the message, the properties or <see cref="Exception.ToString"/>.</remarks>
public class RunComfyException : Exception
{
    /// <summary>Creates the exception (for tests and mocks; the client builds its own).</summary>
    /// <param name="message">The full message.</param>
    /// <param name="status">The HTTP status, or null when no answer was received.</param>
    /// <param name="errorCode">The RunComfy <c>error_code</c>, if any.</param>
    /// <param name="innerException">The cause, if any.</param>
    public RunComfyException(string message, int? status = null, string? errorCode = null, Exception? innerException = null)
        : base(message, innerException)
    {
        Status = status;
        ErrorCode = errorCode;
    }

    /// <summary>The HTTP status of the answer; null when no answer was received (network failure, timeout).</summary>
    public int? Status { get; }

    /// <summary>The RunComfy <c>error_code</c> (six digits, see <see cref="RunComfyErrorCodes"/>), when the answer had one.</summary>
    public string? ErrorCode { get; }

    /// <summary>The server's own message (<c>error_message</c> or <c>message</c>), when it sent one.</summary>
    public string? ServerMessage { get; init; }

    /// <summary>The <c>detail</c> value as raw JSON text, when the answer had one.</summary>
    public string? Detail { get; init; }

    /// <summary>The fields named in a <c>detail</c> array; empty when there were none.</summary>
    public IReadOnlyList<RunComfyFieldError> FieldErrors { get; init; } = [];

    /// <summary>The request id the failing call was about, when known.</summary>
    public string? RequestId { get; init; }

    /// <summary>The <c>Retry-After</c> the server sent with the error, if any.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>True when trying again later may succeed (429, 408, 5xx, network failures, unreadable answers).</summary>
    public bool IsTransient { get; init; }
}
