namespace RunComfy.SchemaClient.Benchmarks.GeneratedCode;

/// <summary>
/// <c>dll-size</c>: the Release DLL of 2 and of 123 generated models, and the bytes each further model adds. Not a
/// BenchmarkDotNet suite: a size is measured once.
/// </summary>
internal static class DllSizeRun
{
    public const string Command = "dll-size";

    public static int Run()
    {
        int small = GeneratedModelsAssembly.Compile(2, "SizeModels2").Length;
        int large = GeneratedModelsAssembly.Compile(123, "SizeModels123").Length;
        Console.WriteLine($"2 models: {small:N0} B; 123 models: {large:N0} B; per further model: {(large - small) / 121.0:N0} B");
        return 0;
    }
}
