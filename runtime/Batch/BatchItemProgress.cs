namespace RunComfy;

/// <summary>A batch item changed phase.</summary>
public sealed record BatchItemProgress
{
    /// <summary>The input's index.</summary>
    public required long Index { get; init; }

    /// <summary>The new phase.</summary>
    public required BatchItemPhase Phase { get; init; }

    /// <summary>The request id, once known.</summary>
    public string? RequestId { get; init; }

    /// <summary>The queue position, while queued and when the API sent it.</summary>
    public int? QueuePosition { get; init; }

    /// <summary>For <see cref="BatchItemPhase.Finished"/>: how it ended.</summary>
    public BatchItemOutcome? Outcome { get; init; }
}
