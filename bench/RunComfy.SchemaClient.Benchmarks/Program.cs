using BenchmarkDotNet.Running;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>Runs every benchmark class in this assembly; pick with --filter (see the README's figures section).</summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        // The batch throughput run is one long measurement, not a BenchmarkDotNet suite (docs/batch.md).
        if (args is [Batch.BatchThroughputRun.Command, ..])
        {
            return await Batch.BatchThroughputRun.RunAsync(args);
        }

        if (args is [GeneratedCode.DllSizeRun.Command, ..])
        {
            return GeneratedCode.DllSizeRun.Run();
        }

        BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
        return 0;
    }
}
