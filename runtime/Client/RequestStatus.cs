namespace RunComfy;

/// <summary>The answer of the status endpoint.</summary>
public sealed record RequestStatus
{
    /// <summary>The request id.</summary>
    public required string RequestId { get; init; }

    /// <summary>The state; <see cref="RunComfyRequestState.Unknown"/> when <see cref="RawStatus"/> is not a known string.</summary>
    public required RunComfyRequestState State { get; init; }

    /// <summary>The status string exactly as the API sent it (null when it sent none).</summary>
    public string? RawStatus { get; init; }

    /// <summary>The position in the queue while <see cref="RunComfyRequestState.InQueue"/>; null otherwise or when not sent.</summary>
    public int? QueuePosition { get; init; }

    /// <summary>How long the API asked the client to wait before asking again (<c>Retry-After</c>), if it did.</summary>
    public TimeSpan? RetryAfter { get; init; }
}
