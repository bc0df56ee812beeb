namespace RunComfy;

/// <summary>How <see cref="RunComfyClient.RunBatchAsync(IEnumerable{IRunComfyRequest}, BatchOptions?, CancellationToken)"/> paces a batch.</summary>
public sealed class BatchOptions
{
    /// <summary>The most jobs submitted and not yet finished at once (default 100).</summary>
    public int MaxJobsInFlight { get; set; } = 100;

    /// <summary>
    /// The most status calls per second for the whole batch, however many jobs are in flight (default 20). One
    /// scheduler polls every job and spends this budget on the jobs most due; the pace kept is 80% of it, so
    /// timer and network jitter never push a second past the cap.
    /// </summary>
    public double MaxStatusCallsPerSecond { get; set; } = 20;

    /// <summary>The most submits started per second (default 10).</summary>
    public double MaxSubmitsPerSecond { get; set; } = 10;

    /// <summary>The shortest wait between two polls of one job; null: the client's <see cref="RunComfyClientOptions.PollInterval"/>.</summary>
    public TimeSpan? MinPollInterval { get; set; }

    /// <summary>The longest wait between two polls of one job (default 30 s): bounds how late a finish is noticed.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Failed status or result calls in a row after which a job is given up on (reported with its request id; it may still run). Default 10.</summary>
    public int MaxConsecutivePollFailures { get; set; } = 10;

    /// <summary>Answers in a row with a status this client does not know after which a job is given up on (default 5).</summary>
    public int UnknownStatusLimit { get; set; } = 5;

    /// <summary>How long a 429 or 503 without <c>Retry-After</c> pauses the whole batch (default 2 s).</summary>
    public TimeSpan DefaultBackoff { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>The longest pause a server's <c>Retry-After</c> can impose on the batch (default 60 s): a server's delays are bounded.</summary>
    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>When the batch is cancelled, cancel on the server every job still queued (default true).</summary>
    public bool CancelQueuedJobsOnAbort { get; set; } = true;

    /// <summary>How long the cancels sent on the way out may take, all together (default 10 s).</summary>
    public TimeSpan CancelTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Ask for each result's cost; null: the client's <see cref="RunComfyClientOptions.IncludeCost"/>.</summary>
    public bool? IncludeCost { get; set; }

    /// <summary>Receives every change of a job's phase (submitting, queued, running, finished); never breaks the batch.</summary>
    public IProgress<BatchItemProgress>? Progress { get; set; }

    /// <summary>
    /// Awaited just before an input is submitted, e.g. to journal that its submit may now reach the server. When it
    /// throws, the input is not sent and is reported <see cref="BatchItemOutcome.Rejected"/>.
    /// </summary>
    public Func<BatchInput, CancellationToken, ValueTask>? BeforeSubmitAsync { get; set; }

    /// <summary>Awaited once a submit was answered with a request id, e.g. to journal it. A failure here is logged; the job is still followed.</summary>
    public Func<BatchInput, RequestHandle, CancellationToken, ValueTask>? AfterSubmitAsync { get; set; }
}
