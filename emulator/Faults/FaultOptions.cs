using RunComfy.Emulator.Faults;

namespace RunComfy.Emulator;

/// <summary>
/// Fault injection. Scripted faults (<see cref="Enqueue"/>) hit the next matching requests in order and
/// win over random ones; random faults hit each request with the configured rate per endpoint and kind,
/// drawn from one seeded generator so a run can be reproduced. Safe to change while the server runs.
/// </summary>
public sealed class FaultOptions
{
    private static readonly EmulatorEndpoint[] ApiEndpoints =
        [EmulatorEndpoint.Submit, EmulatorEndpoint.Status, EmulatorEndpoint.Result, EmulatorEndpoint.Cancel];

    private readonly object _gate = new();
    private readonly Dictionary<(EmulatorEndpoint, FaultKind), (double Rate, FaultTiming Timing)> _rates = [];
    private readonly Dictionary<EmulatorEndpoint, Queue<InjectedFault>> _scripted = [];
    private Random _random = new(12345);
    private int _seed = 12345;

    /// <summary>Seed of the random fault generator; setting it restarts the sequence.</summary>
    public int Seed
    {
        get { lock (_gate) return _seed; }
        set { lock (_gate) { _seed = value; _random = new Random(value); } }
    }

    /// <summary>Seconds sent in <c>Retry-After</c> with 429 and 503 answers.</summary>
    public int RetryAfterSeconds { get; set; } = 1;

    /// <summary>How long a <see cref="FaultKind.SlowAnswer"/> waits before answering.</summary>
    public TimeSpan SlowAnswerDelay { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>
    /// Where a <see cref="FaultKind.MalformedJson"/> body is cut, as a fraction of its length. The default 0.5 keeps
    /// a submit answer's <c>request_id</c> whole; null cuts each one at a point drawn from the seeded generator, so
    /// some submit answers lose the id (the client then cannot know the job it created).
    /// </summary>
    public double? MalformedJsonCutFraction { get; set; } = 0.5;

    /// <summary>The <c>error_code</c> of a <see cref="FaultKind.ErrorCodeWithOkStatus"/> answer (not a documented code, so a client cannot mistake it).</summary>
    public int ErrorCodeInOkAnswer { get; set; } = 500001;

    /// <summary>Sets the rate (0..1) of one fault kind on one endpoint. Rates of one endpoint add up (capped at 1).</summary>
    public void SetRate(EmulatorEndpoint endpoint, FaultKind kind, double rate, FaultTiming timing = FaultTiming.Default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(rate, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rate, 1);
        lock (_gate)
        {
            if (rate == 0) _rates.Remove((endpoint, kind));
            else _rates[(endpoint, kind)] = (rate, timing);
        }
    }

    /// <summary>Sets the rate of one fault kind on submit, status, result and cancel.</summary>
    public void SetRate(FaultKind kind, double rate, FaultTiming timing = FaultTiming.Default)
    {
        foreach (var endpoint in ApiEndpoints) SetRate(endpoint, kind, rate, timing);
    }

    /// <summary>The configured rate of one fault kind on one endpoint.</summary>
    public double GetRate(EmulatorEndpoint endpoint, FaultKind kind)
    {
        lock (_gate) return _rates.TryGetValue((endpoint, kind), out var entry) ? entry.Rate : 0;
    }

    /// <summary>Removes every random fault rate.</summary>
    public void ClearRates()
    {
        lock (_gate) _rates.Clear();
    }

    /// <summary>Makes the next request to <paramref name="endpoint"/> fail with <paramref name="kind"/> (queued after earlier scripted faults).</summary>
    public void Enqueue(EmulatorEndpoint endpoint, FaultKind kind, FaultTiming timing = FaultTiming.Default, int count = 1)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        lock (_gate)
        {
            if (!_scripted.TryGetValue(endpoint, out var queue)) _scripted[endpoint] = queue = new Queue<InjectedFault>();
            for (var i = 0; i < count; i++) queue.Enqueue(InjectedFault.Resolve(kind, timing));
        }
    }

    /// <summary>Scripted faults not used yet, over all endpoints.</summary>
    public int PendingScriptedFaults
    {
        get { lock (_gate) return _scripted.Values.Sum(q => q.Count); }
    }

    /// <summary>Drops every scripted fault not used yet.</summary>
    public void ClearScripted()
    {
        lock (_gate) _scripted.Clear();
    }

    /// <summary>The cut of one malformed body (see <see cref="MalformedJsonCutFraction"/>).</summary>
    internal double NextCutFraction()
    {
        lock (_gate) return MalformedJsonCutFraction ?? _random.NextDouble();
    }

    /// <summary>Picks the fault for one request to <paramref name="endpoint"/>, or none.</summary>
    internal InjectedFault? Next(EmulatorEndpoint endpoint)
    {
        lock (_gate)
        {
            if (_scripted.TryGetValue(endpoint, out var queue) && queue.Count > 0) return queue.Dequeue();
            if (_rates.Count == 0) return null;

            var draw = _random.NextDouble();
            var cumulative = 0.0;
            // Enum order keeps the draw-to-kind mapping stable for a given seed.
            foreach (var kind in Enum.GetValues<FaultKind>())
            {
                if (!_rates.TryGetValue((endpoint, kind), out var entry)) continue;
                cumulative += entry.Rate;
                if (draw < cumulative) return InjectedFault.Resolve(kind, entry.Timing);
            }
            return null;
        }
    }
}
