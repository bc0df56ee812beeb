using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;

namespace RunComfy.SchemaClient.Benchmarks.GeneratedCode;

/// <summary>
/// Loading an assembly of N generated models and running its module initializer (registration in
/// <see cref="ModelCatalog"/>), in a fresh collectible load context each time, so the JIT work is a cold start's.
/// Baseline: the same, then every model's metadata built with its parameters (what the eager module initializer
/// did before models were registered lazily). <c>LoadOnly</c> is the load without the initializer.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.ColdStart, launchCount: 1, warmupCount: 0, iterationCount: 15)]
public class StartupBenchmarks
{
    private byte[] _assembly = null!;

    /// <summary>How many models the assembly has: the 2 seeds, or the seeds and the 121 catalog schemas.</summary>
    [Params(2, 123)]
    public int Models { get; set; }

    [GlobalSetup]
    public void Setup() => _assembly = GeneratedModelsAssembly.Compile(Models, "StartupModels" + Models);

    [Benchmark(Baseline = true)]
    public int EagerMetadata()
    {
        var context = new AssemblyLoadContext("startup", isCollectible: true);
        Assembly assembly = Load(context);
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        var models = (IReadOnlyList<ModelInfo>)assembly.GetType("RunComfy.Generated.GeneratedModelCatalog", throwOnError: true)!
            .GetProperty("Models", BindingFlags.Public | BindingFlags.Static)!.GetValue(null)!;
        int parameters = models.Sum(m => m.Parameters.Count);
        context.Unload();
        return parameters;
    }

    [Benchmark]
    public int LazyRegistration()
    {
        var context = new AssemblyLoadContext("startup", isCollectible: true);
        Assembly assembly = Load(context);
        RuntimeHelpers.RunModuleConstructor(assembly.ManifestModule.ModuleHandle);
        context.Unload();
        return assembly.GetHashCode();
    }

    [Benchmark]
    public int LoadOnly()
    {
        var context = new AssemblyLoadContext("startup", isCollectible: true);
        Assembly assembly = Load(context);
        context.Unload();
        return assembly.GetHashCode();
    }

    private Assembly Load(AssemblyLoadContext context)
    {
        using var stream = new MemoryStream(_assembly, writable: false);
        return context.LoadFromStream(stream);
    }
}
