using System.Xml.Linq;
using RunComfy.SchemaClient.Generator.Emitting;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>The <c>[GeneratedCode]</c> attribute names the version of the package the generator ships in, not a fixed "1.0.0".</summary>
public sealed class GeneratedCodeVersionTests
{
    [Fact]
    public void The_generator_version_is_the_version_the_repository_builds()
    {
        var prefix = XDocument.Load(Path.Combine(RepositoryRoot(), "Directory.Build.props")).Descendants("VersionPrefix").Single().Value.Trim();

        CodeText.GeneratorVersion.ShouldBe(prefix);
        CodeText.GeneratedCodeAttribute.ShouldBe($"[global::System.CodeDom.Compiler.GeneratedCode(\"RunComfy.SchemaClient.Generator\", \"{prefix}\")]");
    }

    [Fact]
    public void Every_generated_type_carries_it()
    {
        var result = GeneratorHarness.Run(Fixtures.Get("bytedance/seedream-4-0/edit"));

        var source = string.Concat(result.Run.GeneratedTrees.Select(t => t.ToString()));
        source.ShouldContain(CodeText.GeneratedCodeAttribute);
        source.ShouldNotContain("\"1.0.0\"");
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "SchemaClient.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("SchemaClient.sln not found above " + AppContext.BaseDirectory);
    }
}
