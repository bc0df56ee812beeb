using System.IO.Compression;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace RunComfy.SchemaClient.Package.Tests;

/// <summary>What a package page shows from the packed package: the nuspec's repository and the README.</summary>
internal static partial class PackedMetadata
{
    public static string ReadText(ZipArchive zip, string entryName)
    {
        var entry = zip.GetEntry(entryName);
        entry.ShouldNotBeNull($"{entryName} is not in the package");
        using var reader = new StreamReader(entry.Open());
        return reader.ReadToEnd();
    }

    /// <summary>The nuspec names the repository with an absolute https URL, whether or not the clone has a git remote.</summary>
    public static void CheckRepository(string nuspec)
    {
        var metadata = XDocument.Parse(nuspec).Root!.Elements().Single(e => e.Name.LocalName == "metadata");
        var repository = metadata.Elements().SingleOrDefault(e => e.Name.LocalName == "repository");
        repository.ShouldNotBeNull(nuspec);
        repository.Attribute("type")?.Value.ShouldBe("git", nuspec);
        var url = repository.Attribute("url")?.Value;
        url.ShouldNotBeNullOrWhiteSpace(nuspec);
        Uri.TryCreate(url, UriKind.Absolute, out var uri).ShouldBeTrue(nuspec);
        uri!.Scheme.ShouldBe("https", nuspec);
        metadata.Elements().Single(e => e.Name.LocalName == "readme").Value.ShouldBe("README.md");
    }

    /// <summary>Every Markdown link of the packed README, outside code blocks, is absolute or an in-page anchor.</summary>
    public static void CheckReadmeLinks(string readme)
    {
        var targets = new List<string>();
        var inCode = false;
        foreach (var line in readme.Split('\n'))
        {
            if (line.TrimStart().StartsWith("```", StringComparison.Ordinal))
            {
                inCode = !inCode;
                continue;
            }

            if (!inCode)
            {
                targets.AddRange(Link().Matches(line).Select(m => m.Groups[1].Value));
            }
        }

        targets.ShouldContain(t => t.Contains("/docs/", StringComparison.Ordinal), "the README links to docs/; the test would prove nothing without them");
        foreach (var target in targets)
        {
            (target.StartsWith('#') || Uri.TryCreate(target, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http" or "mailto")
                .ShouldBeTrue($"'{target}' is a relative link: it breaks on a package page");
        }
    }

    [GeneratedRegex(@"\]\(([^)\s]+)\)")]
    private static partial Regex Link();
}
