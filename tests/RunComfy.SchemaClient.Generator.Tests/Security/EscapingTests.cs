using System.Globalization;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RunComfy.SchemaClient.Generator.Emitting;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests.Security;

/// <summary>
/// The escaping function of each output context, with every dangerous character: nothing it writes can
/// end a line or a comment, and a string literal reads back as exactly the original value.
/// </summary>
public sealed class EscapingTests
{
    // Enumerated when the theory runs, not at discovery: lone surrogates (U+D800, U+DC00) serialise to
    // the same test id, and xunit would silently drop all but one of them.
    public static TheoryData<string> Dangerous()
    {
        var data = new TheoryData<string>();
        foreach (string piece in HostileText.Pieces)
        {
            data.Add(piece);
        }

        data.Add(HostileText.ModuleInitializer);
        data.Add(HostileText.All);
        return data;
    }

    [Theory]
    [MemberData(nameof(Dangerous), DisableDiscoveryEnumeration = true)]
    public void A_string_literal_is_one_line_of_safe_text_that_reads_back_exactly(string value)
    {
        string literal = Literal.String(value);

        ShouldBeSafeText(literal);
        var expression = SyntaxFactory.ParseExpression(literal).ShouldBeOfType<LiteralExpressionSyntax>();
        expression.GetDiagnostics().ShouldBeEmpty();
        expression.Token.ValueText.ShouldBe(value);
    }

    [Theory]
    [MemberData(nameof(Dangerous), DisableDiscoveryEnumeration = true)]
    public void Doc_text_never_ends_its_line_and_escapes_markup(string value)
    {
        string inline = DocText.Inline(value);
        ShouldBeSafeText(inline);
        inline.ShouldNotContain("<");
        inline.ShouldNotContain(">");
        inline.Replace("&amp;", string.Empty, StringComparison.Ordinal).Replace("&lt;", string.Empty, StringComparison.Ordinal)
            .Replace("&gt;", string.Empty, StringComparison.Ordinal).ShouldNotContain("&");

        foreach (string line in DocText.Lines(value))
        {
            ShouldBeSafeText(line);
        }
    }

    [Theory]
    [MemberData(nameof(Dangerous), DisableDiscoveryEnumeration = true)]
    public void A_comment_never_ends_its_line(string value) => ShouldBeSafeText(CommentText.Of(value));

    [Fact]
    public void Each_line_break_of_a_description_starts_a_new_doc_line()
    {
        foreach (string lineBreak in HostileText.LineBreaks)
        {
            DocText.Lines("one" + lineBreak + "two").ShouldBe(["one", "two"], lineBreak);
            DocText.Inline("one" + lineBreak + "two").ShouldBe(lineBreak == "\r\n" ? "one  two" : "one two");
        }
    }

    [Fact]
    public void Doc_text_keeps_printable_unicode_and_replaces_what_cannot_be_shown()
    {
        DocText.Inline("é 😀 a<b & c>d").ShouldBe("é 😀 a&lt;b &amp; c&gt;d");
        DocText.Inline("a\0b\u202Ec\uD800d\tz").ShouldBe("a\uFFFDb\uFFFDc\uFFFDd z");
    }

    [Fact]
    public void Long_doc_text_is_cut_with_an_ellipsis_and_never_splits_a_surrogate_pair()
    {
        DocText.Inline(new string('a', DocText.MaxLength)).Length.ShouldBe(DocText.MaxLength);
        DocText.Inline(new string('a', DocText.MaxLength + 1)).ShouldBe(new string('a', DocText.MaxLength) + "\u2026");

        string emoji = new string('a', DocText.MaxLength - 1) + "\U0001F600";
        DocText.Inline(emoji).ShouldBe(new string('a', DocText.MaxLength - 1) + "\u2026");
        string[] lines = [.. DocText.Lines(HostileText.VeryLong)];
        lines[^1].ShouldEndWith("\u2026");
        lines.Sum(line => line.Length).ShouldBeLessThanOrEqualTo("&amp;".Length * (DocText.MaxLength + 1));
    }

    [Theory]
    [InlineData("0", "0D")]
    [InlineData("-2.5", "-2.5D")]
    [InlineData("1E+300", "1E+300D")]
    [InlineData("0.000", "0.000D")]
    [InlineData("1e-400", "1e-400D")]
    public void A_finite_json_number_becomes_a_double_literal(string number, string literal) =>
        Literal.Double(number).ShouldBe(literal);

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    [InlineData("-Infinity")]
    [InlineData("\"Infinity\"")]
    [InlineData("1;System.Environment.Exit(1)")]
    [InlineData("0x10")]
    [InlineData("")]
    public void A_number_that_is_not_a_finite_json_number_is_refused(string number) =>
        Should.Throw<UnwritableValueException>(() => Literal.Double(number));

    [Theory]
    [InlineData("99999999999999999999")]
    [InlineData("1.5")]
    [InlineData("1e3")]
    [InlineData("-")]
    [InlineData("5L")]
    public void An_integer_that_does_not_fit_a_long_is_refused(string number) =>
        Should.Throw<UnwritableValueException>(() => Literal.Long(number));

    [Fact]
    public void Integers_booleans_and_json_strings_become_their_literals()
    {
        Literal.Long("-9223372036854775808").ShouldBe("-9223372036854775808L");
        Literal.Integer("42").ShouldBe("42");
        Literal.Bool("true").ShouldBe("true");
        Should.Throw<UnwritableValueException>(() => Literal.Bool("1"));
        Literal.StringFromJson("\"a\\u2028b\\\"\"").ShouldBe("\"a\\u2028b\\\"\"");
        Should.Throw<UnwritableValueException>(() => Literal.StringFromJson("\"a\" + P()"));
        Should.Throw<UnwritableValueException>(() => Literal.StringFromJson("42"));
    }

    [Theory]
    [InlineData("Prompt")]
    [InlineData("_2K")]
    [InlineData("Größe")]
    [InlineData("ImageSize_2")]
    public void A_name_from_the_naming_rule_is_an_identifier(string name) => Identifier.Of(name).ShouldBe(name);

    [Theory]
    [InlineData("")]
    [InlineData("class")]
    [InlineData("2K")]
    [InlineData("A B")]
    [InlineData("A\u2028B")]
    [InlineData("A\u200BB")]
    [InlineData("A;B")]
    [InlineData("A/*B")]
    [InlineData("@class")]
    public void A_name_outside_the_safe_alphabet_is_refused(string name) =>
        Should.Throw<UnwritableValueException>(() => Identifier.Of(name));

    [Fact]
    public void The_identifier_limits_stay_under_the_metadata_limit()
    {
        string longest = new('A', Identifier.MaxBytes);
        Identifier.Of(longest).ShouldBe(longest);
        Should.Throw<UnwritableValueException>(() => Identifier.Of(longest + "A"));
        Should.Throw<UnwritableValueException>(() => Identifier.Of(new string('ö', (Identifier.MaxBytes / 2) + 1)));
        string longestType = new('T', Identifier.MaxBytes);
        string longestNamespace = "RunComfy.Models." + new string('N', Identifier.MaxTypeNameBytes - "RunComfy.Models..".Length - Identifier.MaxBytes);
        Identifier.TypeName(longestNamespace, longestType).Length.ShouldBe(Identifier.MaxTypeNameBytes);
        Should.Throw<UnwritableValueException>(() => Identifier.TypeName(longestNamespace + "N", longestType));

        // The limits with the compiler's own decorations (backing field, accessors) still emit...
        EmitErrors("namespace " + longestNamespace + " { public sealed record " + longestType + " { public int " + longest + " { get; init; } } }").ShouldBeEmpty();

        // ...and the metadata limit they keep under is real: CS7013 appears only when the assembly is emitted.
        EmitErrors("internal static class " + new string('A', 1024) + " { }").ShouldContain("CS7013");
    }

    [Fact]
    public void A_number_the_double_literal_refuses_is_one_the_compiler_refuses_too()
    {
        CompileErrors("internal static class C { public const double X = 1e400D; }").ShouldContain("CS0594");
        CompileErrors("internal static class C { public const long X = 99999999999999999999L; }").ShouldContain("CS1021");
        CompileErrors("internal static class C { public const double X = 1e-400D; }").ShouldBeEmpty();
    }

    [Fact]
    public void Hint_names_are_ascii_and_checked()
    {
        Identifier.HintName("RunComfy.Models.Acme", "FooRequest").ShouldBe("RunComfy.Models.Acme.FooRequest.g.cs");
        Should.Throw<UnwritableValueException>(() => Identifier.HintName("RunComfy.Models.Acme", "GrößeRequest"));
        Should.Throw<UnwritableValueException>(() => Identifier.HintName("RunComfy.Models.Acme", new string('A', 500) + "_" + new string('B', 500)));
    }

    /// <summary>No character that could end a line or a comment, or hide text, is left in <paramref name="text"/>.</summary>
    private static void ShouldBeSafeText(string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                CharUnicodeInfo.GetUnicodeCategory(text, i).ShouldNotBe(UnicodeCategory.Format, text);
                i++;
                continue;
            }

            UnicodeCategory category = CharUnicodeInfo.GetUnicodeCategory(c);
            category.ShouldNotBeOneOf([UnicodeCategory.Control, UnicodeCategory.Format, UnicodeCategory.LineSeparator, UnicodeCategory.ParagraphSeparator, UnicodeCategory.Surrogate],
                $"U+{(int)c:X4} at {i}");
        }
    }

    private static string[] EmitErrors(string source)
    {
        CSharpCompilation compilation = GeneratorHarness.CreateCompilation().AddSyntaxTrees(CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions));
        using var stream = new MemoryStream();
        return [.. compilation.Emit(stream).Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id)];
    }

    private static string[] CompileErrors(string source) =>
        [.. CSharpCompilation.Create(
                "Probe",
                [CSharpSyntaxTree.ParseText(source, GeneratorHarness.ParseOptions)],
                [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary))
            .GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.Id)];
}
