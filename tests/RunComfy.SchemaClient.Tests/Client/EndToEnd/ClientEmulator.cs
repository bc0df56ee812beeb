using Microsoft.Extensions.Logging;
using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Tests.Client.EndToEnd;

/// <summary>
/// An in-process emulator on a free loopback port with millisecond job timings, and clients pointed at it
/// with millisecond poll and retry intervals. Tests assert outcomes only; the timings just keep them fast.
/// </summary>
internal static class ClientEmulator
{
    public const string Token = "e2e_S3CR3T_token";

    /// <summary>Generous safety net for one run; a healthy one takes milliseconds.</summary>
    public static readonly TimeSpan SafetyTimeout = TimeSpan.FromSeconds(60);

    public static Task<EmulatorServer> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var options = new EmulatorOptions
        {
            Token = Token,
            InitialQueuePosition = 2,
            QueueStep = TimeSpan.FromMilliseconds(20),
            RunDuration = TimeSpan.FromMilliseconds(40),
        };
        options.Faults.SlowAnswerDelay = TimeSpan.FromMilliseconds(50);
        options.Faults.RetryAfterSeconds = 1;
        configure?.Invoke(options);
        return EmulatorServer.StartAsync(options);
    }

    public static RunComfyClient Client(EmulatorServer server, Action<RunComfyClientOptions>? configure = null, string? token = null, ILogger<RunComfyClient>? logger = null)
    {
        var options = Options(server.BaseAddress);
        configure?.Invoke(options);
        return new RunComfyClient(token ?? Token, options, logger);
    }

    public static RunComfyClientOptions Options(Uri baseAddress)
    {
        var options = new RunComfyClientOptions
        {
            BaseAddress = baseAddress,
            PollInterval = TimeSpan.FromMilliseconds(10),
            MaxPollInterval = TimeSpan.FromMilliseconds(50),
            RequestTimeout = TimeSpan.FromSeconds(30),

            // The example media URLs are not reachable from here; local media rules still run.
            MediaValidation = new MediaValidationOptions { ProbeRemoteUrls = false },
        };
        options.Retry.Delay = TimeSpan.FromMilliseconds(5);
        options.Retry.MaxDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    public static RunOptions Run(IProgress<RunProgress>? progress = null) => new() { Timeout = SafetyTimeout, Progress = progress };
}
