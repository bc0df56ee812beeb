using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// In-process (the loopback server runs beside the code under test), a short fixed number of iterations: the
/// figures that matter are byte counts, which do not vary, and time ratios within one run.
/// </summary>
internal class MediaBenchConfig : ManualConfig
{
    public MediaBenchConfig()
    {
        AddJob(Job.Default
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10));
    }
}

/// <summary><see cref="MediaBenchConfig"/> plus the byte columns of <see cref="MediaProbeBenchmarks"/>.</summary>
internal sealed class MediaProbeBenchConfig : MediaBenchConfig
{
    public MediaProbeBenchConfig()
    {
        foreach (var kind in Enum.GetValues<MediaTransferColumn.Kind>())
        {
            AddColumn(new MediaTransferColumn(kind));
        }
    }
}
