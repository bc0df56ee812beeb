namespace RunComfy.SchemaClient.Package.Tests.Completion;

/// <summary>
/// A consumer who types <c>RunComfy.</c> sees the client and the request types, never the plumbing that
/// only generated code calls (<c>RunComfy.Metadata</c>, marked <c>[EditorBrowsable(Never)]</c>).
/// </summary>
internal static class PlumbingCompletionChecks
{
    private static readonly string[] Plumbing =
        ["ValidationCollector", "RequestJsonReader", "RequestBodyReader", "RequestJsonWriter", "RequestPrinter", "MediaFields", "UnicodeText", "EnumParser"];

    public static async Task AssertNoPlumbingAsync(string packageAssembly)
    {
        IReadOnlyList<string> root = await CompletionProbe.ItemsAsync(packageAssembly,
            "class Program { static void Main() { var x = RunComfy.$$ } }");
        root.Intersect(["RunComfyClient", "ModelCatalog"]).Count().ShouldBe(2, "RunComfy. offers the client and the catalog");
        root.Intersect(Plumbing).ShouldBeEmpty("RunComfy. offers no plumbing");

        // Even a user who imports the namespace, or names it, is offered none of its types.
        IReadOnlyList<string> imported = await CompletionProbe.ItemsAsync(packageAssembly,
            "using RunComfy.Metadata; class Program { static void Main() { $$ } }");
        imported.Intersect(["Main", "RunComfy"]).Count().ShouldBe(2, "an empty statement offers the locals and namespaces");
        IReadOnlyList<string> named = await CompletionProbe.ItemsAsync(packageAssembly,
            "class Program { static void Main() { var x = RunComfy.Metadata.$$ } }");
        imported.Intersect(Plumbing).ShouldBeEmpty("using RunComfy.Metadata offers no plumbing");
        named.Intersect(Plumbing).ShouldBeEmpty("RunComfy.Metadata. offers no plumbing");

        // Registration is for generated code too; lookups stay visible.
        IReadOnlyList<string> catalog = await CompletionProbe.ItemsAsync(packageAssembly,
            "class Program { static void Main() { RunComfy.ModelCatalog.$$ } }");
        catalog.Intersect(["TryGet", "Get", "All"]).Count().ShouldBe(3, "the catalog's lookups are offered");
        catalog.ShouldNotContain("Register", "registration is for generated code");
    }
}
