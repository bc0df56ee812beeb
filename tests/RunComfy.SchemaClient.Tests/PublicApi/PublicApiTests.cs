using System.ComponentModel;
using System.Reflection;
using PublicApiGenerator;

namespace RunComfy.SchemaClient.Tests.PublicApi;

/// <summary>
/// Every change to the package's public surface is deliberate: the whole API is approved text, so a
/// new, renamed or removed member shows up in review as a diff of <c>RunComfy.SchemaClient.approved.txt</c>.
/// </summary>
public sealed class PublicApiTests
{
    private static readonly Assembly Runtime = typeof(RunComfyClient).Assembly;

    [Fact]
    public void The_public_api_matches_the_approved_text()
    {
        string api = Runtime.GeneratePublicApi(new ApiGeneratorOptions
        {
            ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"],
        });

        api.ShouldMatchApproved(c => c
            .WithDiscriminator("RunComfy.SchemaClient")
            .WithFileExtension("txt")
            .NoDiff());
    }

    [Fact]
    public void Plumbing_for_generated_code_lives_in_the_metadata_namespace_hidden_from_completion()
    {
        Type[] plumbing = [.. Runtime.GetExportedTypes().Where(t => t.Namespace == "RunComfy.Metadata")];

        plumbing.Select(t => t.Name).ShouldContain("ValidationCollector");
        plumbing.Select(t => t.Name).ShouldContain("RequestJsonReader");
        plumbing.Select(t => t.Name).ShouldContain("RequestJsonWriter");
        plumbing.Select(t => t.Name).ShouldContain("MediaFields");
        plumbing.Select(t => t.Name).ShouldContain("UnicodeText");
        plumbing.Select(t => t.Name).ShouldContain("RequestBodyReader");
        plumbing.Select(t => t.Name).ShouldContain("RequestPrinter");
        foreach (Type type in plumbing.Where(t => !t.IsNested))
        {
            type.GetCustomAttribute<EditorBrowsableAttribute>()?.State.ShouldBe(EditorBrowsableState.Never, type.FullName);
        }
    }

    [Fact]
    public void No_public_type_sits_outside_the_documented_namespaces()
    {
        // The bundled models' generated requests live in RunComfy.Models.<Owner>, as a consumer's do.
        string[] namespaces = [.. Runtime.GetExportedTypes()
            .Select(t => t.Namespace ?? "")
            .Where(n => !n.StartsWith("RunComfy.Models.", StringComparison.Ordinal))
            .Distinct()
            .Order(StringComparer.Ordinal)];

        namespaces.ShouldBe(Approved, ignoreOrder: false);
    }

    // A new public namespace is a design decision: add it here, and to docs/client.md.
    private static readonly string[] Approved = ["RunComfy", "RunComfy.AI", "RunComfy.Metadata"];
}
