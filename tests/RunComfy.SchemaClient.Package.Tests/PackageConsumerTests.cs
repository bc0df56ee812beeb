using System.Diagnostics;
using RunComfy.Emulator;
using RunComfy.SchemaClient.Package.Tests.Completion;

namespace RunComfy.SchemaClient.Package.Tests;

/// <summary>
/// The design card's promise, checked as a user would meet it: pack the package, create a fresh
/// console project that references only that package, pull two catalog schemas into its schemas/ folder
/// with <c>comfy-schema schemas pull</c> (from the emulator serving RunComfy's catalog) and drop others in,
/// build it with warnings as errors, and run the pulled models' generated requests against the emulator.
/// </summary>
[Trait("Category", "Package")]
public sealed class PackageConsumerTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("runcomfy-pkg-").FullName;
    private string? _cachedPackage;

    [Fact]
    public async Task A_consumer_project_pulls_catalog_schemas_builds_and_runs_them_with_typed_requests()
    {
        var repo = RepositoryRoot();
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        // A version no earlier run used, so the NuGet cache can never hand back a stale package.
        var release = VersionPrefix(repo);
        var version = $"{release}-pkgtest.{DateTime.UtcNow:yyyyMMddHHmmssfff}";
        var feed = Path.Combine(_work, "feed");

        var pack = await RunAsync("dotnet", repo,
            "pack", Path.Combine(repo, "runtime", "RunComfy.SchemaClient.csproj"), "--no-build", "-c", configuration,
            "-o", feed, $"-p:PackageVersion={version}");
        pack.ExitCode.ShouldBe(0, pack.Output);
        var package = Path.Combine(feed, $"RunComfy.SchemaClient.{version}.nupkg");
        File.Exists(package).ShouldBeTrue(pack.Output);
        using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
        {
            var entries = zip.Entries.Select(e => e.FullName).ToList();
            entries.ShouldContain("lib/net10.0/RunComfy.SchemaClient.dll");
            entries.ShouldContain("analyzers/dotnet/cs/RunComfy.SchemaClient.Generator.dll");
            entries.ShouldContain("analyzers/dotnet/cs/NJsonSchema.dll");
            entries.ShouldContain("analyzers/dotnet/cs/Newtonsoft.Json.dll");
            entries.ShouldContain("analyzers/dotnet/cs/Namotion.Reflection.dll");
            entries.ShouldContain("build/RunComfy.SchemaClient.targets");
            PackedMetadata.CheckRepository(PackedMetadata.ReadText(zip, "RunComfy.SchemaClient.nuspec"));
            PackedMetadata.CheckReadmeLinks(PackedMetadata.ReadText(zip, "README.md"));
            // Only the packed copy is rewritten: on GitHub the repository's README keeps its relative links.
            File.ReadAllText(Path.Combine(repo, "README.md")).ShouldContain("](docs/");
        }

        var consumer = CreateConsumer(version, feed);
        // The restore copies this one-off version into the global packages folder; removed again in Dispose.
        // (A private NUGET_PACKAGES folder would fetch Polly.Core and Microsoft.Extensions.* again on every run.)
        _cachedPackage = Path.Combine(await GlobalPackagesFolderAsync(repo), "runcomfy.schemaclient", version.ToLowerInvariant());

        // The emulator plays RunComfy: the whole catalog, plus the schemas the user dropped in by hand.
        var schemas = Path.Combine(consumer, "schemas");
        var options = new EmulatorOptions
        {
            Token = "package-test-token",
            QueueStep = TimeSpan.FromMilliseconds(20),
            RunDuration = TimeSpan.FromMilliseconds(20),
            SchemasDirectory = Path.Combine(repo, "tests", "RunComfy.SchemaClient.Generator.Tests", "Fixtures", "catalog"),
        };
        foreach (var file in Directory.EnumerateFiles(schemas, "*.json", SearchOption.AllDirectories))
        {
            var id = Path.GetRelativePath(schemas, file).Replace('\\', '/')[..^".json".Length];
            options.ExtraSchemas[id] = await File.ReadAllTextAsync(file);
        }

        await using var emulator = await EmulatorServer.StartAsync(options);
        var cli = Path.Combine(repo, "cli", "bin", configuration, "net10.0", "comfy-schema.dll");
        var pull = await RunAsync("dotnet", consumer,
            cli, "schemas", "pull", "kling/kling-3.0/pro/text-to-video", "blackforestlabs/flux-2/flash/text-to-image",
            "--base-address", emulator.BaseAddress.ToString(), "--token", options.Token);
        pull.ExitCode.ShouldBe(0, pull.Output);
        File.Exists(Path.Combine(schemas, "kling", "kling-3.0", "pro", "text-to-video.json")).ShouldBeTrue(pull.Output);
        File.Exists(Path.Combine(schemas, "blackforestlabs", "flux-2", "flash", "text-to-image.json")).ShouldBeTrue(pull.Output);

        var build = await RunAsync("dotnet", consumer, "build", "-c", "Release");
        build.ExitCode.ShouldBe(0, build.Output);
        await PlumbingCompletionChecks.AssertNoPlumbingAsync(Path.Combine(_cachedPackage, "lib", "net10.0", "RunComfy.SchemaClient.dll"));

        var run = await RunAsync("dotnet", consumer,
            Path.Combine(consumer, "bin", "Release", "net10.0", "Consumer.dll"), emulator.BaseAddress.ToString(), options.Token);

        run.ExitCode.ShouldBe(0, run.Output);
        run.Output.ShouldContain("kling-valid=False");            // duration 99 > maximum 15
        run.Output.ShouldContain("edit-type=RunComfy.Models.Openai.");
        run.Output.ShouldContain("replaced-valid=True");          // 800 code points: over the bundled 600, within the consumer's 1000
        run.Output.ShouldContain("catalog-maxLength=1000");
        run.Output.ShouldContain("catalog-has-kling=True");
        run.Output.ShouldContain("state=Completed");
        run.Output.ShouldContain($"output={emulator.BaseAddress}");
        run.Output.ShouldContain("kling-state=Completed");
        // Packed with --no-build under a one-off prerelease suffix: the generator was built with the release version.
        run.Output.ShouldContain($"generated-code=RunComfy.SchemaClient.Generator {release}{Environment.NewLine}");
        emulator.TotalSubmissions.ShouldBe(2);
    }

    private string CreateConsumer(string version, string feed)
    {
        var template = Path.Combine(AppContext.BaseDirectory, "ConsumerProject");
        var consumer = Path.Combine(_work, "Consumer");
        Directory.CreateDirectory(consumer);
        File.WriteAllText(Path.Combine(consumer, "Consumer.csproj"),
            File.ReadAllText(Path.Combine(template, "Consumer.csproj.txt")).Replace("$PACKAGE_VERSION$", version));
        File.WriteAllText(Path.Combine(consumer, "NuGet.config"),
            File.ReadAllText(Path.Combine(template, "NuGet.config.txt")).Replace("$FEED$", feed));
        File.Copy(Path.Combine(template, "Program.cs.txt"), Path.Combine(consumer, "Program.cs"));
        foreach (var file in Directory.EnumerateFiles(Path.Combine(template, "schemas"), "*.json", SearchOption.AllDirectories))
        {
            var target = Path.Combine(consumer, "schemas", Path.GetRelativePath(Path.Combine(template, "schemas"), file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }

        return consumer;
    }

    private static async Task<string> GlobalPackagesFolderAsync(string workingDirectory)
    {
        if (Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } configured)
        {
            return configured;
        }

        var locals = await RunAsync("dotnet", workingDirectory, "nuget", "locals", "global-packages", "--list");
        const string Prefix = "global-packages:";
        var line = locals.Output.Split('\n').Select(l => l.Trim()).FirstOrDefault(l => l.StartsWith(Prefix, StringComparison.Ordinal));
        return line is not null
            ? line[Prefix.Length..].Trim()
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
    }

    /// <summary>The version every project of the repository is built with (Directory.Build.props).</summary>
    private static string VersionPrefix(string repo) =>
        System.Xml.Linq.XDocument.Load(Path.Combine(repo, "Directory.Build.props")).Descendants("VersionPrefix").Single().Value.Trim();

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

    private static async Task<(int ExitCode, string Output)> RunAsync(string fileName, string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The consumer must not inherit this repository's build settings through MSBuild environment.
        start.Environment.Remove("MSBuildExtensionsPath");
        start.Environment.Remove("MSBUILD_EXE_PATH");
        start.Environment.Remove("MSBuildSDKsPath");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        start.Environment["DOTNET_NOLOGO"] = "1";

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // A hung build or consumer must not outlive the test (nor its MSBuild or compiler children).
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"'{fileName} {string.Join(' ', arguments)}' did not finish within 5 minutes; killed.{Environment.NewLine}{await stdout}{await stderr}");
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    public void Dispose()
    {
        foreach (var folder in new[] { _work, _cachedPackage })
        {
            try
            {
                if (folder is not null && Directory.Exists(folder))
                {
                    Directory.Delete(folder, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // A leftover folder is harmless; never fail the test over cleanup.
            }
        }
    }
}
