using System.Diagnostics;

namespace RunComfy.SchemaClient.Package.Tests;

/// <summary>
/// A package packed as <c>dotnet pack -p:PackageVersion=X</c> (how a release or a review names its version) is built
/// with version X throughout: the generator that ships inside it writes X into every <c>GeneratedCode</c> attribute,
/// and the runtime's informational version (the ActivitySource's and Meter's version) is X too. Before, only the
/// nupkg was named X while the assemblies kept VersionPrefix, so generated code named a version that was never packed.
/// </summary>
public sealed class PackageVersionTests
{
    [Theory]
    [InlineData("generator/RunComfy.SchemaClient.Generator.csproj")]
    [InlineData("runtime/RunComfy.SchemaClient.csproj")]
    public async Task A_package_version_given_to_pack_is_the_version_the_assemblies_are_built_with(string project)
    {
        var (exitCode, output) = await EvaluateVersionAsync(project, "-p:PackageVersion=9.8.7-probe.1");

        exitCode.ShouldBe(0, output);
        output.Trim().ShouldBe("9.8.7-probe.1");
    }

    [Fact]
    public async Task Without_a_package_version_the_assemblies_keep_the_repository_version()
    {
        var repo = RepositoryRoot();
        var prefix = System.Xml.Linq.XDocument.Load(Path.Combine(repo, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value.Trim();

        var (exitCode, output) = await EvaluateVersionAsync("generator/RunComfy.SchemaClient.Generator.csproj");

        exitCode.ShouldBe(0, output);
        output.Trim().ShouldBe(prefix);
    }

    private static async Task<(int ExitCode, string Output)> EvaluateVersionAsync(string project, params string[] properties)
    {
        var repo = RepositoryRoot();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = repo,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("msbuild");
        start.ArgumentList.Add(Path.Combine(repo, project));
        start.ArgumentList.Add("-getProperty:Version");
        foreach (var property in properties)
        {
            start.ArgumentList.Add(property);
        }

        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, "dotnet msbuild did not finish within 2 minutes; killed. " + await stdout + await stderr);
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchemaClient.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("SchemaClient.sln not found above " + AppContext.BaseDirectory);
    }
}
