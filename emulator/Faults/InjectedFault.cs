namespace RunComfy.Emulator.Faults;

/// <summary>A fault chosen for one request, with its timing resolved.</summary>
internal readonly record struct InjectedFault(FaultKind Kind, FaultTiming Timing)
{
    public bool BeforeAccept => Timing == FaultTiming.BeforeAccept;

    public static InjectedFault Resolve(FaultKind kind, FaultTiming timing) =>
        new(kind, timing != FaultTiming.Default ? timing : NaturalTiming(kind));

    private static FaultTiming NaturalTiming(FaultKind kind) => kind switch
    {
        FaultKind.TooManyRequests or FaultKind.ServiceUnavailable or FaultKind.NoBalance or FaultKind.ErrorCodeWithOkStatus
            => FaultTiming.BeforeAccept,
        _ => FaultTiming.AfterAccept,
    };
}
