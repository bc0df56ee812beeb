namespace RunComfy;

/// <summary>One item of a batch: a request to submit, or the id of a job submitted earlier to wait for (resuming a batch).</summary>
public sealed record BatchInput
{
    /// <summary>The item's number, reported back with its outcome (the line of an input file, the position in a list).</summary>
    public required long Index { get; init; }

    /// <summary>The request to submit; null when <see cref="RequestId"/> names a job already submitted.</summary>
    public IRunComfyRequest? Request { get; init; }

    /// <summary>A job submitted earlier to wait for instead of submitting anything.</summary>
    public string? RequestId { get; init; }

    /// <summary>An input that submits <paramref name="request"/>.</summary>
    public static BatchInput Submit(long index, IRunComfyRequest request) =>
        new() { Index = index, Request = request ?? throw new ArgumentNullException(nameof(request)) };

    /// <summary>An input that waits for the job <paramref name="requestId"/> without submitting.</summary>
    public static BatchInput Resume(long index, string requestId) =>
        new() { Index = index, RequestId = requestId ?? throw new ArgumentNullException(nameof(requestId)) };
}
