namespace RunComfy.Emulator;

/// <summary>Counters of what the emulator has seen and done; thread-safe, read at any time.</summary>
public sealed class EmulatorStats
{
    private static readonly int EndpointCount = Enum.GetValues<EmulatorEndpoint>().Length;
    private static readonly int FaultKindCount = Enum.GetValues<FaultKind>().Length;

    private readonly long[] _calls = new long[EndpointCount];
    private readonly long[] _faults = new long[EndpointCount * FaultKindCount];
    private long _authFailures;
    private long _validationFailures;
    private long _submitsRefusedByFault;
    private long _submitsAcceptedWithFaultedAnswer;
    private long _jobsCancelled;

    /// <summary>Requests received by one endpoint (faulted ones included).</summary>
    public long GetCalls(EmulatorEndpoint endpoint) => Interlocked.Read(ref _calls[(int)endpoint]);

    /// <summary>Faults of one kind injected on one endpoint.</summary>
    public long GetFaults(EmulatorEndpoint endpoint, FaultKind kind) =>
        Interlocked.Read(ref _faults[(int)endpoint * FaultKindCount + (int)kind]);

    /// <summary>Faults of any kind injected on one endpoint.</summary>
    public long GetFaults(EmulatorEndpoint endpoint) =>
        Enum.GetValues<FaultKind>().Sum(kind => GetFaults(endpoint, kind));

    /// <summary>Submit requests received.</summary>
    public long SubmitCalls => GetCalls(EmulatorEndpoint.Submit);

    /// <summary>Status requests per second of the real clock, with the busiest second (faulted ones included).</summary>
    public PerSecondPeak StatusCallsPerSecond { get; } = new();

    /// <summary>Status requests received.</summary>
    public long StatusCalls => GetCalls(EmulatorEndpoint.Status);

    /// <summary>Result requests received.</summary>
    public long ResultCalls => GetCalls(EmulatorEndpoint.Result);

    /// <summary>Cancel requests received.</summary>
    public long CancelCalls => GetCalls(EmulatorEndpoint.Cancel);

    /// <summary>Faults injected, all endpoints and kinds.</summary>
    public long FaultsInjected => Enum.GetValues<EmulatorEndpoint>().Sum(GetFaults);

    /// <summary>Requests answered 400004 because of a missing or unknown token.</summary>
    public long AuthFailures => Interlocked.Read(ref _authFailures);

    /// <summary>Submissions rejected because the input broke the schema or a media rule.</summary>
    public long ValidationFailures => Interlocked.Read(ref _validationFailures);

    /// <summary>Submissions refused by a fault before acceptance: no job was created, resending is safe.</summary>
    public long SubmitsRefusedByFault => Interlocked.Read(ref _submitsRefusedByFault);

    /// <summary>Submissions accepted (the job exists and runs) whose answer was then faulted: a client must not resend these.</summary>
    public long SubmitsAcceptedWithFaultedAnswer => Interlocked.Read(ref _submitsAcceptedWithFaultedAnswer);

    /// <summary>Jobs cancelled while queued.</summary>
    public long JobsCancelled => Interlocked.Read(ref _jobsCancelled);

    internal void CountCall(EmulatorEndpoint endpoint)
    {
        Interlocked.Increment(ref _calls[(int)endpoint]);
        if (endpoint == EmulatorEndpoint.Status) StatusCallsPerSecond.Count();
    }

    internal void CountFault(EmulatorEndpoint endpoint, FaultKind kind) =>
        Interlocked.Increment(ref _faults[(int)endpoint * FaultKindCount + (int)kind]);

    internal void CountAuthFailure() => Interlocked.Increment(ref _authFailures);

    internal void CountValidationFailure() => Interlocked.Increment(ref _validationFailures);

    internal void CountSubmitRefusedByFault() => Interlocked.Increment(ref _submitsRefusedByFault);

    internal void CountSubmitAcceptedWithFaultedAnswer() => Interlocked.Increment(ref _submitsAcceptedWithFaultedAnswer);

    internal void CountCancelled() => Interlocked.Increment(ref _jobsCancelled);

    /// <inheritdoc />
    public override string ToString() =>
        $"submit {SubmitCalls}, status {StatusCalls}, result {ResultCalls}, cancel {CancelCalls}, faults {FaultsInjected} " +
        $"(refused submits {SubmitsRefusedByFault}, accepted submits with faulted answer {SubmitsAcceptedWithFaultedAnswer})";
}
