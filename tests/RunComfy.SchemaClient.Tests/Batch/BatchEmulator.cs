using RunComfy.Emulator;
using System.Buffers;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using RunComfy.SchemaClient.Tests.Client.EndToEnd;
using RunComfy.SchemaClient.Tests.Client.TestDoubles;

namespace RunComfy.SchemaClient.Tests.Batch;

/// <summary>Helpers for batch tests: an emulator with limited workers, fast batch options, requests and their exact bodies.</summary>
internal static class BatchEmulator
{
    public static Task<EmulatorServer> StartAsync(int workers, TimeSpan run, Action<EmulatorOptions>? configure = null) =>
        ClientEmulator.StartAsync(o =>
        {
            o.Workers = workers;
            o.RunDuration = run;
            configure?.Invoke(o);
        });

    public static BatchOptions FastOptions(Action<BatchOptions>? configure = null)
    {
        var options = new BatchOptions
        {
            MaxJobsInFlight = 20,
            MaxStatusCallsPerSecond = 200,
            MaxSubmitsPerSecond = 500,
            MinPollInterval = TimeSpan.FromMilliseconds(10),
            MaxPollInterval = TimeSpan.FromMilliseconds(200),
            DefaultBackoff = TimeSpan.FromMilliseconds(200),
        };
        configure?.Invoke(options);
        return options;
    }

    public static TestSeedreamEditRequest Request(string batch, int i) =>
        TestSeedreamEditRequest.Valid($"{batch} job {i.ToString(CultureInfo.InvariantCulture)}");

    /// <summary>The body exactly as the client sends it, to look it up in the emulator's ledger of accepted submissions.</summary>
    public static string Body(IRunComfyRequest request)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            request.WriteJson(writer);
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    public static async Task<List<BatchItemResult>> CollectAsync(IAsyncEnumerable<BatchItemResult> results)
    {
        var list = new List<BatchItemResult>();
        await foreach (var item in results) list.Add(item);
        return list;
    }
}

/// <summary>The emulator's request log with a timestamp per line, to see when calls arrived.</summary>
internal sealed class TimedRequestLog : TextWriter
{
    private readonly object _gate = new();
    private readonly List<(TimeSpan At, string Line)> _lines = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly StringBuilder _current = new();

    public override Encoding Encoding => Encoding.UTF8;

    public IReadOnlyList<(TimeSpan At, string Line)> Lines
    {
        get { lock (_gate) return _lines.ToList(); }
    }

    public override void Write(char value)
    {
        lock (_gate)
        {
            if (value == '\n')
            {
                _lines.Add((_clock.Elapsed, _current.ToString()));
                _current.Clear();
            }
            else if (value != '\r')
            {
                _current.Append(value);
            }
        }
    }
}

/// <summary>
/// Counts the status calls a client sends, by second of the monotonic clock, as the client's handler hands them
/// to the network: a rate cap is a promise about what the client sends. The emulator's count of arrivals adds the
/// machine's jitter (a loaded machine delivers a burst of calls sent over more than a second within one), which
/// no client-side pacing can absorb.
/// </summary>
internal sealed class StatusSendLog : DelegatingHandler
{
    private readonly object _gate = new();
    private readonly Dictionary<long, int> _perSecond = [];

    public StatusSendLog()
        : base(RunComfy.Client.Transport.RunComfyHttpHandler.Create(TimeSpan.FromSeconds(10)))
    {
    }

    /// <summary>The most status calls sent in one second.</summary>
    public int Peak
    {
        get { lock (_gate) return _perSecond.Count == 0 ? 0 : _perSecond.Values.Max(); }
    }

    /// <summary>A client like <see cref="ClientEmulator.Client"/> whose calls go through this log.</summary>
    public RunComfyClient Client(EmulatorServer emulator) =>
        new(ClientEmulator.Token, new HttpClient(this) { Timeout = Timeout.InfiniteTimeSpan }, ClientEmulator.Options(emulator.BaseAddress), logger: null, _ => null);

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (request.RequestUri?.AbsolutePath.EndsWith("/status", StringComparison.Ordinal) == true)
        {
            var second = Stopwatch.GetTimestamp() / Stopwatch.Frequency;
            lock (_gate)
            {
                _perSecond[second] = _perSecond.GetValueOrDefault(second) + 1;
            }
        }

        return base.SendAsync(request, cancellationToken);
    }
}
