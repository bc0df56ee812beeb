using RunComfy.Emulator.Endpoints;
using RunComfy.Emulator.Files;
using RunComfy.Emulator.Jobs;
using RunComfy.Emulator.Models;
using RunComfy.Emulator.Outputs;

namespace RunComfy.Emulator.Hosting;

/// <summary>Everything the endpoints share for one server: options, models, jobs, files, counters.</summary>
internal sealed class EmulatorState
{
    public EmulatorState(EmulatorOptions options, ModelRegistry models)
    {
        Options = options;
        Models = models;
        Errors = new ApiErrors(options);
        Auth = new Authenticator(options);
        Outputs = new OutputFactory(options, Files);
        Workers = options.Workers is { } workers ? new WorkerPool(workers) : null;
    }

    public EmulatorOptions Options { get; }

    public ModelRegistry Models { get; }

    public JobStore Jobs { get; } = new();

    /// <summary>The shared queue when <see cref="EmulatorOptions.Workers"/> is set; null keeps each job on its own timer.</summary>
    public WorkerPool? Workers { get; }

    public FileStore Files { get; } = new();

    public SubmissionLedger Submissions { get; } = new();

    public EmulatorStats Stats { get; } = new();

    public ApiErrors Errors { get; }

    public Authenticator Auth { get; }

    public OutputFactory Outputs { get; }

    /// <summary>The address the server listens on, set once it has started.</summary>
    public Uri? BaseAddress { get; set; }

    public DateTimeOffset Now => Options.TimeProvider.GetUtcNow();

    public string StatusName(JobState state) => state switch
    {
        JobState.InQueue => Options.Wire.InQueueStatus,
        JobState.InProgress => Options.Wire.InProgressStatus,
        JobState.Completed => Options.Wire.CompletedStatus,
        JobState.Cancelled => Options.Wire.CancelledStatus,
        _ => Options.Wire.FailedStatus,
    };
}
