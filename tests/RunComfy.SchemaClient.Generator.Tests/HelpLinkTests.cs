using RunComfy.SchemaClient.Generator.Diagnostics;

namespace RunComfy.SchemaClient.Generator.Tests;

/// <summary>Every diagnostic links to its own row of the diagnostics table in docs/generator.md.</summary>
public sealed class HelpLinkTests
{
    [Fact]
    public void Every_descriptor_links_to_an_anchor_that_docs_generator_md_defines()
    {
        string docs = File.ReadAllText(Path.Combine(RepositoryRoot(), "docs", "generator.md"));

        DiagnosticDescriptors.All.ShouldNotBeEmpty();
        foreach (var descriptor in DiagnosticDescriptors.All)
        {
            string anchor = descriptor.Id.ToLowerInvariant();
            descriptor.HelpLinkUri.ShouldBe(DiagnosticDescriptors.HelpLinkBase + "#" + anchor);
            docs.ShouldContain("| <a id=\"" + anchor + "\"></a>" + descriptor.Id + " |", customMessage: descriptor.Id + " needs a row with its anchor in docs/generator.md");
        }
    }

    [Fact]
    public void Help_links_point_at_the_repository_the_package_names()
    {
        // The nuspec's <repository> and projectUrl, and the packed README's links, use RunComfyRepositoryUrl
        // (Directory.Build.props); a diagnostic's link must lead to the same repository's docs.
        var props = System.Xml.Linq.XDocument.Load(Path.Combine(RepositoryRoot(), "Directory.Build.props"));
        string url = props.Descendants("RunComfyRepositoryUrl").Single().Value.Trim().TrimEnd('/');
        string branch = props.Descendants("RunComfyRepositoryBranch").Single().Value.Trim();

        DiagnosticDescriptors.HelpLinkBase.ShouldBe(url + "/blob/" + branch + "/docs/generator.md");
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
