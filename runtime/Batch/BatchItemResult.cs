namespace RunComfy;

/// <summary>The outcome of one batch item, yielded as soon as it is known.</summary>
public sealed record BatchItemResult
{
    /// <summary>The input's index (<see cref="BatchInput.Index"/>, or its position in the sequence given).</summary>
    public required long Index { get; init; }

    /// <summary>How the item ended.</summary>
    public required BatchItemOutcome Outcome { get; init; }

    /// <summary>The request id, when the submit was answered (or the item resumed a known job).</summary>
    public string? RequestId { get; init; }

    /// <summary>The model the request was for, when known.</summary>
    public string? ModelId { get; init; }

    /// <summary>The job's result for <see cref="BatchItemOutcome.Completed"/> and <see cref="BatchItemOutcome.JobFailed"/>.</summary>
    public RequestResult? Result { get; init; }

    /// <summary>What went wrong, for every outcome but <see cref="BatchItemOutcome.Completed"/>.</summary>
    public Exception? Error { get; init; }

    /// <summary>True when the job completed.</summary>
    public bool Succeeded => Outcome == BatchItemOutcome.Completed;
}
