namespace RunComfy;

/// <summary>A submitted request: its id and the URLs the API gave for it.</summary>
/// <remarks>
/// The client builds every follow-up URL from its own base address and <see cref="RequestId"/>; the
/// URLs here are kept for display and for other tools, and are never used to send the token elsewhere.
/// </remarks>
public sealed record RequestHandle
{
    /// <summary>The request id; keep it (a journal, a database) to resume with <see cref="RunComfyClient.WaitAsync"/>.</summary>
    public required string RequestId { get; init; }

    /// <summary>The model the request was sent to.</summary>
    public required string ModelId { get; init; }

    /// <summary>Where the status can be read (<c>GET</c>).</summary>
    public required Uri StatusUrl { get; init; }

    /// <summary>Where the result can be read (<c>GET</c>).</summary>
    public required Uri ResultUrl { get; init; }

    /// <summary>Where the request can be cancelled while it is queued (<c>POST</c>).</summary>
    public required Uri CancelUrl { get; init; }
}
