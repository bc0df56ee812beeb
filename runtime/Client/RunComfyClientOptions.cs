namespace RunComfy;

/// <summary>Options of a <see cref="RunComfyClient"/>.</summary>
public sealed class RunComfyClientOptions
{
    /// <summary>The documented base address, <c>https://model-api.runcomfy.net</c>.</summary>
    public static Uri DefaultBaseAddress { get; } = new("https://model-api.runcomfy.net/");

    /// <summary>The environment variable that overrides the base address when <see cref="BaseAddress"/> is not set (as in the official CLI).</summary>
    public const string BaseAddressEnvironmentVariable = "RUNCOMFY_MODEL_API_BASE";

    /// <summary>
    /// The API token. When null (and no token is given to the constructor) the client reads
    /// <c>RUNCOMFY_API_TOKEN</c>, then <c>RUNCOMFY_TOKEN</c>. It is sent only in the <c>Authorization</c>
    /// header and never appears in a message, a log line or <c>ToString()</c>.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// The API address. When null: <c>RUNCOMFY_MODEL_API_BASE</c> if set, else <see cref="DefaultBaseAddress"/>.
    /// Must be HTTPS; plain HTTP is accepted only for loopback (a local emulator), so the token never crosses a
    /// network in clear text.
    /// </summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>The first wait between status polls, and the shortest. Default 1 second.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between status polls, reached by long jobs. Default 5 seconds.</summary>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The most one HTTP attempt may take, answer included. Default 60 seconds (as the official CLI).</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>
    /// The most opening a connection may take. Default 10 seconds (as the official CLI). A submit whose
    /// connection could not be opened was certainly not sent, so it is retried.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Retry settings.</summary>
    public RunComfyRetryOptions Retry { get; } = new();

    /// <summary>Ask for the cost (<c>include_cost=true</c>) with every result. Default false.</summary>
    public bool IncludeCost { get; set; }

    /// <summary>
    /// Extra asynchronous validation run after <see cref="IRunComfyRequest.Validate"/> and before any byte is
    /// sent, e.g. the media checks (file size, width, height) that need the files. Null (the default) runs
    /// only <see cref="IRunComfyRequest.Validate"/>. Errors from both are reported together.
    /// </summary>
    public Func<IRunComfyRequest, CancellationToken, ValueTask<ValidationResult>>? ValidateMediaAsync { get; set; }

    /// <summary>The clock for poll and retry delays and timeouts; tests pass a fake one. Default <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
