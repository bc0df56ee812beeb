using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace RunComfy.SchemaClient.Package.Tests.Completion;

/// <summary>
/// What an IDE's completion list offers at a caret, computed by Roslyn's own completion service over a
/// project that references a package's assembly as metadata, as a consumer's project does. Only then is
/// <c>[EditorBrowsable(Never)]</c> honoured, so this is the check a project reference could not give.
/// </summary>
internal static class CompletionProbe
{
    public const string Caret = "$$";

    /// <summary>The display texts offered at <see cref="Caret"/> in <paramref name="source"/>.</summary>
    public static async Task<IReadOnlyList<string>> ItemsAsync(string packageAssembly, string source)
    {
        int position = source.IndexOf(Caret, StringComparison.Ordinal);
        if (position < 0)
        {
            throw new ArgumentException("The source has no " + Caret + " caret.", nameof(source));
        }

        using var workspace = new AdhocWorkspace();
        ProjectInfo project = ProjectInfo.Create(
                ProjectId.CreateNewId(), VersionStamp.Create(), "Consumer", "Consumer", LanguageNames.CSharp,
                compilationOptions: new CSharpCompilationOptions(OutputKind.ConsoleApplication),
                parseOptions: new CSharpParseOptions(LanguageVersion.Latest))
            .WithMetadataReferences([.. FrameworkReferences().Append(MetadataReference.CreateFromFile(packageAssembly))]);
        Document document = workspace.AddProject(project)
            .AddDocument("Program.cs", SourceText.From(source.Remove(position, Caret.Length)));

        CompletionService service = CompletionService.GetService(document)
            ?? throw new InvalidOperationException("Roslyn's C# completion service is not available.");
        CompletionList list = await service.GetCompletionsAsync(document, position);
        return [.. list.ItemsList.Select(i => i.DisplayText)];
    }

    // The framework the test runs on stands in for the consumer's; the package's own assembly (and the
    // repository's, which the test process also loads) is left out so the packed one is the only copy.
    private static IEnumerable<MetadataReference> FrameworkReferences() =>
        ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => !Path.GetFileName(path).StartsWith("RunComfy.", StringComparison.OrdinalIgnoreCase))
            .Select(path => MetadataReference.CreateFromFile(path));
}
