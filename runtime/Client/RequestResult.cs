namespace RunComfy;

/// <summary>The answer of the result endpoint: state, typed output, times, error and cost.</summary>
/// <remarks>
/// Asked before the request finished, the API answers either with the current state (as documented) or
/// with error 400005; both come back as a result that is not terminal and has an empty output. After a
/// 400005 the state is <see cref="RunComfyRequestState.InProgress"/> and <see cref="RawStatus"/> is null.
/// </remarks>
public sealed record RequestResult
{
    /// <summary>The request id.</summary>
    public required string RequestId { get; init; }

    /// <summary>The state; check <see cref="RunComfyRequestStateExtensions.IsTerminal"/> before reading the output.</summary>
    public required RunComfyRequestState State { get; init; }

    /// <summary>The status string exactly as the API sent it (null when it sent none).</summary>
    public string? RawStatus { get; init; }

    /// <summary>The model id, when the API includes it.</summary>
    public string? ModelId { get; init; }

    /// <summary>The output URLs; empty (never null) until the request completed.</summary>
    public RequestOutput Output { get; init; } = RequestOutput.Empty;

    /// <summary>When the request was created, if the API said.</summary>
    public DateTimeOffset? CreatedAt { get; init; }

    /// <summary>When the request finished, if the API said.</summary>
    public DateTimeOffset? FinishedAt { get; init; }

    /// <summary>
    /// How long the request took on RunComfy, from its creation to its end (<see cref="FinishedAt"/> minus
    /// <see cref="CreatedAt"/>, both the API's clock); null unless the API sent both and they are in order.
    /// </summary>
    public TimeSpan? Duration => FinishedAt - CreatedAt is { } duration && duration >= TimeSpan.Zero ? duration : null;

    /// <summary>Why the request failed, for <see cref="RunComfyRequestState.Failed"/>.</summary>
    public RequestError? Error { get; init; }

    /// <summary>The cost in USD, when asked for (<c>include_cost</c>) and sent.</summary>
    public decimal? Cost { get; init; }

    /// <summary>The whole answer as JSON text, for fields this client does not model.</summary>
    public string? RawJson { get; init; }
}
