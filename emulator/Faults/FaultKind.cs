namespace RunComfy.Emulator;

/// <summary>What goes wrong with an answer.</summary>
public enum FaultKind
{
    /// <summary>HTTP 429 with a <c>Retry-After</c> header. Before acceptance by default: no job is created.</summary>
    TooManyRequests,

    /// <summary>HTTP 500. After acceptance by default: on submit the job exists but the answer is lost.</summary>
    InternalServerError,

    /// <summary>HTTP 503 with a <c>Retry-After</c> header. Before acceptance by default.</summary>
    ServiceUnavailable,

    /// <summary>The normal answer, after <see cref="FaultOptions.SlowAnswerDelay"/>. After acceptance by default.</summary>
    SlowAnswer,

    /// <summary>The connection is aborted without an answer. After acceptance by default.</summary>
    DropConnection,

    /// <summary>HTTP 200 with a truncated JSON body. After acceptance by default.</summary>
    MalformedJson,

    /// <summary>HTTP 200 whose body is an error (<c>error_code</c> <see cref="FaultOptions.ErrorCodeInOkAnswer"/>). Before acceptance by default.</summary>
    ErrorCodeWithOkStatus,

    /// <summary>The no-balance error (<c>error_code</c> 400002). Before acceptance by default.</summary>
    NoBalance,

    /// <summary>Submit only: the job is accepted and answered normally, then ends <c>failed</c> instead of <c>completed</c>.</summary>
    JobFailure,
}
