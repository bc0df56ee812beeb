using System.Globalization;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunComfy.SchemaClient.Generator.Emitting;
using RunComfy.SchemaClient.Generator.Parsing;
using RunComfy.SchemaClient.Generator.Specs;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;
using RunComfy.Metadata;

namespace RunComfy.SchemaClient.Generator.Tests.Security;

/// <summary>
/// The structural proof that schema text never becomes code: the hostile schema generates, compiles with doc
/// comments checked and no warning, and the generated syntax trees hold exactly the types, members,
/// attributes and directives its spec says, so no injected member can appear. Then the compiled model
/// reads back every hostile string exactly.
/// </summary>
public sealed class HostileSchemaTests : IClassFixture<HostileSchemaTests.HostileBuild>
{
    private const string GeneratedCode = "global::System.CodeDom.Compiler.GeneratedCode";
    private const string ModuleInitializer = "global::System.Runtime.CompilerServices.ModuleInitializer";
    private const string Catalog = "RunComfy.Generated.GeneratedModelCatalog";

    private readonly HostileBuild _build;

    public HostileSchemaTests(HostileBuild build) => _build = build;

    [Fact]
    public void The_hostile_schema_generates_and_compiles_with_docs_checked_and_no_warning()
    {
        GeneratorHarness.ParseOptions.DocumentationMode.ShouldBe(DocumentationMode.Diagnose);
        _build.Result.Run.Results.ShouldHaveSingleItem().Exception.ShouldBeNull();
        _build.Result.GeneratorDiagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ShouldBeEmpty();
        _build.Result.Sources.Keys.ShouldBe([HostileSchema.TypeName + ".g.cs", Catalog + ".g.cs"], ignoreOrder: true);
        _build.Result.CompilationDiagnostics.Select(d => d.ToString()).ShouldBeEmpty();
        _build.EmitDiagnostics.Select(d => d.ToString()).ShouldBeEmpty();
    }

    [Fact]
    public void Badly_formed_doc_xml_would_fail_this_build()
    {
        // The check above is only worth something if a broken doc comment shows up: it does, as CS1570.
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation().AddSyntaxTrees(CSharpSyntaxTree.ParseText(
            "namespace Probe { /// <summary>a\u2028b</summary>\n public static class P { } }", GeneratorHarness.ParseOptions));
        compilation.GetDiagnostics().Select(d => d.Id).ShouldContain("CS1570");
    }

    [Fact]
    public void Each_generated_type_has_exactly_the_members_its_spec_says()
    {
        Dictionary<string, string[]> actual = [];
        foreach (SyntaxTree tree in _build.Result.Run.GeneratedTrees)
        {
            foreach (BaseTypeDeclarationSyntax type in tree.GetRoot().DescendantNodes().OfType<BaseTypeDeclarationSyntax>())
            {
                actual.Add(FullName(type), [.. Members(type).Order(StringComparer.Ordinal)]);
            }
        }

        Dictionary<string, string[]> expected = ExpectedMembers(_build.Spec);
        actual.Keys.Order(StringComparer.Ordinal).ShouldBe(expected.Keys.Order(StringComparer.Ordinal));
        foreach ((string type, string[] members) in expected)
        {
            actual[type].ShouldBe([.. members.Order(StringComparer.Ordinal)], type);
        }
    }

    [Fact]
    public void The_compiled_assembly_holds_no_type_or_module_initializer_beyond_expectation()
    {
        var types = _build.Result.Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Type).Cast<INamedTypeSymbol>()
            .Select(t => t.ToDisplayString()).Order(StringComparer.Ordinal).ToList();
        types.ShouldBe([.. ExpectedMembers(_build.Spec).Keys.Append("Consumer.Placeholder").Order(StringComparer.Ordinal)]);

        var initializers = _build.Result.Compilation.GetSymbolsWithName(_ => true, SymbolFilter.Member).OfType<IMethodSymbol>()
            .Where(m => m.GetAttributes().Any(a => a.AttributeClass?.Name == "ModuleInitializerAttribute"))
            .Select(m => m.ToDisplayString());
        initializers.ShouldBe([Catalog + ".Register()"]);
    }

    [Fact]
    public void Attributes_and_directives_are_only_the_generators_own()
    {
        var attributes = new List<string>();
        var directives = new List<string>();
        foreach (SyntaxTree tree in _build.Result.Run.GeneratedTrees)
        {
            SyntaxNode root = tree.GetRoot();
            attributes.AddRange(root.DescendantNodes().OfType<AttributeSyntax>().Select(a => a.Name.ToString()));
            directives.AddRange(root.DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsDirective).Select(t => t.ToString().Trim()));
            root.DescendantTrivia(descendIntoTrivia: true).Where(t => t.IsKind(SyntaxKind.SkippedTokensTrivia) || t.IsKind(SyntaxKind.DisabledTextTrivia)).ShouldBeEmpty();
            root.ContainsDiagnostics.ShouldBeFalse();
        }

        int typeCount = ExpectedMembers(_build.Spec).Count;
        attributes.Order(StringComparer.Ordinal).ShouldBe([.. Enumerable.Repeat(GeneratedCode, typeCount).Append(ModuleInitializer).Order(StringComparer.Ordinal)]);
        directives.Order(StringComparer.Ordinal).ShouldBe(
            ["#nullable enable", "#nullable enable", "#pragma warning disable CA2255 // Registering generated models when the assembly loads is the point."]);
    }

    [Fact]
    public void Every_generated_line_is_free_of_line_breaks_and_invisible_characters()
    {
        foreach ((string name, string source) in _build.Result.Sources)
        {
            source.ShouldNotContain('\r', name);
            for (int i = 0; i < source.Length; i++)
            {
                if (char.IsHighSurrogate(source[i]) && i + 1 < source.Length && char.IsLowSurrogate(source[i + 1]))
                {
                    CharUnicodeInfo.GetUnicodeCategory(source, i).ShouldNotBe(UnicodeCategory.Format, name);
                    i++;
                    continue;
                }

                char c = source[i];
                bool visible = c == '\n' || CharUnicodeInfo.GetUnicodeCategory(c) is not (UnicodeCategory.Control or UnicodeCategory.Format
                    or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate);
                visible.ShouldBeTrue($"U+{(int)c:X4} at {i} in {name}");
            }
        }
    }

    [Fact]
    public void Long_text_is_cut_in_docs_but_kept_whole_in_metadata()
    {
        string source = _build.Result.Source(HostileSchema.TypeName);
        source.Split('\n').Where(l => l.TrimStart().StartsWith("///", StringComparison.Ordinal)).Max(l => l.Length).ShouldBeLessThan(6 * 2100);
        source.ShouldContain("\u2026");
        ModelParameter all = _build.Parameter(HostileSchema.AllName);
        all.Description.ShouldBe(HostileText.AsRead(HostileText.VeryLong));
    }

    [Fact]
    public void The_compiled_model_reads_back_every_hostile_string_exactly()
    {
        ModelInfo model = _build.Model;
        model.ModelId.ShouldBe(HostileSchema.ModelId);
        model.SchemaJson.ShouldBe(HostileSchema.Text);

        ModelParameter injection = _build.Parameter(HostileSchema.InjectionName);
        injection.Title.ShouldBe(HostileText.ModuleInitializer);
        injection.Description.ShouldBe(HostileText.ModuleInitializer);
        injection.Format.ShouldBe(HostileText.AsRead(HostileText.All));
        injection.Pattern.ShouldBe(HostileSchema.Pattern);
        ((string?)Newtonsoft.Json.Linq.JToken.Parse(injection.DefaultJson!)).ShouldBe(HostileText.AsRead(HostileText.All));

        ModelParameter all = _build.Parameter(HostileSchema.AllName);
        all.Title.ShouldBe(HostileText.AsRead(HostileText.All));
        all.EnumJson!.Select(j => (string?)Newtonsoft.Json.Linq.JToken.Parse(j)).ShouldBe(HostileSchema.EnumValues.Select(HostileText.AsRead));

        MediaRule[] rules = [.. _build.Parameter("media").MediaRules];
        rules.Select(r => (r.Rule, r.Message)).ShouldBe([(HostileText.ModuleInitializer, HostileText.AsRead(HostileText.All)), ("file_size_mb<", HostileText.ModuleInitializer)]);
        model.Parameters.Select(p => p.Name).ShouldContain("quote\"back\\slash\u2028new");
        model.Parameters.Select(p => p.Name).ShouldContain("\u2028");
    }

    [Fact]
    public void Enum_values_and_validation_messages_round_trip_through_the_compiled_code()
    {
        Type enumValues = _build.Assembly.GetTypes().Single(t => t.Name.EndsWith("Values", StringComparison.Ordinal) && t.GetMethod("ToJsonValue")?.ReturnType == typeof(string) && t.GetProperty("All") is not null
            && ((System.Collections.IEnumerable)t.GetProperty("All")!.GetValue(null)!).Cast<object>().Count() == HostileSchema.EnumValues.Length);
        MethodInfo toJson = enumValues.GetMethod("ToJsonValue")!;
        var values = ((System.Collections.IEnumerable)enumValues.GetProperty("All")!.GetValue(null)!).Cast<object>().Select(v => (string)toJson.Invoke(null, [v])!);
        values.ShouldBe(HostileSchema.EnumValues.Select(HostileText.AsRead));

        string body = "{" + JsonText.Quote(HostileText.AsRead(HostileSchema.InjectionName)) + ": \"\", "
            + JsonText.Quote(HostileText.AsRead(HostileSchema.AllName)) + ": \"plain\", \"fixed\": \"other\"}";
        IRunComfyRequest request = _build.Model.Parse(body);
        ValidationResult result = request.Validate();
        result.Errors.Where(e => e.Path == HostileSchema.InjectionName).Select(e => e.Message).ShouldContain(HostileText.AsRead(HostileText.All));
        result.Errors.Where(e => e.Path == "fixed").Select(e => e.Message).ShouldBe([HostileText.ModuleInitializer]);
        RequestJsonWriter.ToJson(request).ShouldContain("plain");
    }

    [Fact]
    public void Every_hostile_enum_value_a_body_can_hold_reads_as_its_member()
    {
        // The body escapes every character outside printable ASCII, so each value is matched after unescaping.
        string[] values = [.. HostileSchema.EnumValues.Select(HostileText.AsRead).Where(v => !SchemaTextEmitter.HasLoneSurrogate(v))];
        values.Length.ShouldBeGreaterThanOrEqualTo(5);
        foreach (string value in values)
        {
            string body = "{" + JsonText.Quote(HostileText.AsRead(HostileSchema.InjectionName)) + ": \"\", "
                + JsonText.Quote(HostileText.AsRead(HostileSchema.AllName)) + ": " + JsonText.Quote(value) + ", \"fixed\": \"other\"}";

            using var written = System.Text.Json.JsonDocument.Parse(RequestJsonWriter.ToJson(_build.Model.Parse(body)));

            written.RootElement.GetProperty(HostileText.AsRead(HostileSchema.AllName)).GetString().ShouldBe(value);
        }
    }

    /// <summary>The spec's word on each type: request, enums, their Values classes, and the catalog.</summary>
    private static Dictionary<string, string[]> ExpectedMembers(ModelSpec spec)
    {
        string ns = spec.Namespace + ".";
        var request = new List<string> { "field:__ModelId", "method:__SchemaJson", "property:ModelId", "property:Metadata" };
        if (!SchemaTextEmitter.HasLoneSurrogate(spec.SchemaJson))
        {
            request.Add("property:__SchemaUtf8");
        }

        request.AddRange(spec.Properties.Select(p => "property:" + p.MemberName));
        request.AddRange(spec.Properties.Where(p => p.IsMedia).Select(p => "field:__" + p.MemberName + "Rules"));
        // The values a number enum or an enum of array items allows, made once per type for Validate().
        request.AddRange(spec.Properties
            .Where(p => p.IsArray ? p.ItemRules is { EnumJson.Count: > 0 } : p.Kind == ValueKind.Double && p.HasEnum)
            .Select(p => "field:__" + p.MemberName + "Allowed"));
        request.AddRange(["method:Validate", "method:WriteJson", "method:ToJson", "method:FromJson", "method:GetMediaFields", "method:PrintMembers", "method:__CreateParameters"]);

        var expected = new Dictionary<string, string[]>
        {
            [ns + spec.TypeName] = [.. request],
            [Catalog] = ["field:__models", "property:Models", "method:Register", "method:Create"],
        };
        foreach (EnumSpec e in spec.Enums)
        {
            // A string enum is a C# enum; an integer enum a struct with named values, its number, conversions and equality.
            expected[ns + e.TypeName] = e.IsString
                ? [.. e.Members.Select(m => "member:" + m.Name)]
                : [.. e.Members.Select(m => "property:" + m.Name),
                    "ctor", "property:Value", "conversion:implicit", "conversion:explicit", "operator:==", "operator:!=",
                    "method:Equals", "method:Equals", "method:GetHashCode", "method:ToString"];
            // A string enum's Values also match UTF-8 for FromJson (TryParseUtf8, internal).
            expected[ns + e.ValuesTypeName] = e.IsString
                ? ["property:All", "method:ToJsonValue", "method:TryParse", "method:TryParseUtf8", "method:IsDefined"]
                : ["property:All", "method:ToJsonValue", "method:TryParse", "method:IsDefined"];
        }

        return expected;
    }

    private static IEnumerable<string> Members(BaseTypeDeclarationSyntax type)
    {
        if (type is EnumDeclarationSyntax enumType)
        {
            return enumType.Members.Select(m => "member:" + m.Identifier.ValueText);
        }

        return ((TypeDeclarationSyntax)type).Members.SelectMany(member => member switch
        {
            FieldDeclarationSyntax field => field.Declaration.Variables.Select(v => "field:" + v.Identifier.ValueText),
            PropertyDeclarationSyntax property => ["property:" + property.Identifier.ValueText],
            MethodDeclarationSyntax method => ["method:" + method.Identifier.ValueText],
            ConstructorDeclarationSyntax => ["ctor"],
            ConversionOperatorDeclarationSyntax conversion => ["conversion:" + conversion.ImplicitOrExplicitKeyword.ValueText],
            OperatorDeclarationSyntax op => ["operator:" + op.OperatorToken.ValueText],
            _ => new[] { "unexpected " + member.Kind() + ": " + member },
        });
    }

    private static string FullName(BaseTypeDeclarationSyntax type)
    {
        string name = type.Identifier.ValueText;
        for (SyntaxNode? parent = type.Parent; parent is not null; parent = parent.Parent)
        {
            name = parent switch
            {
                BaseTypeDeclarationSyntax outer => outer.Identifier.ValueText + "+" + name,
                BaseNamespaceDeclarationSyntax ns => ns.Name + "." + name,
                _ => name,
            };
        }

        return name;
    }

    /// <summary>The hostile schema generated, compiled, emitted and loaded once for all tests.</summary>
    public sealed class HostileBuild
    {
        public HostileBuild()
        {
            var input = SchemaInput.ForModel(HostileSchema.ModelId, HostileSchema.Text);
            Result = GeneratorHarness.Run(input);
            Spec = SchemaParser.Parse(new SchemaFile(input.Path, HostileSchema.ModelId, input.Text), default).Model!;
            using var stream = new MemoryStream();
            Microsoft.CodeAnalysis.Emit.EmitResult emitted = Result.Compilation.Emit(stream);
            EmitDiagnostics = [.. emitted.Diagnostics.Where(d => d.Severity >= DiagnosticSeverity.Warning)];
            Assembly = emitted.Success ? Assembly.Load(stream.ToArray()) : typeof(HostileBuild).Assembly;
        }

        public GenerationResult Result { get; }

        internal ModelSpec Spec { get; }

        public IReadOnlyList<Diagnostic> EmitDiagnostics { get; }

        public Assembly Assembly { get; }

        public ModelInfo Model => (ModelInfo)Assembly.GetType(HostileSchema.TypeName, throwOnError: true)!.GetProperty("Metadata")!.GetValue(null)!;

        public ModelParameter Parameter(string jsonName) => Model.Parameters.Single(p => p.Name == HostileText.AsRead(jsonName));
    }
}
