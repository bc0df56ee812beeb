using BenchmarkDotNet.Running;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>Runs every benchmark class in this assembly; pick with --filter (see the README's figures section).</summary>
public static class BenchmarkProgram
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(BenchmarkProgram).Assembly).Run(args);
}
