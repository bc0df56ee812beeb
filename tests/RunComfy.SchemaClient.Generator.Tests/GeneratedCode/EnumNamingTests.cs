using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using RunComfy.Models.Bytedance;
using RunComfy.SchemaClient.Generator.Parsing;
using RunComfy.SchemaClient.Generator.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Generator.Tests.GeneratedCode;

/// <summary>
/// How enums read: no stutter in type names (a word the property repeats from the model name is said once),
/// and integer enums that take a number (<c>Duration = 5</c>) with readable members (<c>Value5</c>).
/// </summary>
public sealed class EnumNamingTests
{
    [Theory]
    [InlineData("Seedream40EditSequential", "SequentialImageGenerationOptions", "Seedream40EditSequentialImageGenerationOptions")]
    [InlineData("Seedream40Edit", "Resolution", "Seedream40EditResolution")]
    [InlineData("KlingVideoO3_4KImageToVideo", "VideoDuration", "KlingVideoO3_4KImageToVideoDuration")]
    [InlineData("Wan27ProEdit", "EditMode", "Wan27ProEditMode")]
    [InlineData("FooEditSequential", "EditSequentialMode", "FooEditSequentialMode")]
    [InlineData("FooEdit", "Edit", "FooEditEdit")]
    [InlineData("Foo2", "_2Pass", "Foo2_2Pass")]
    [InlineData("Model2", "2", "Model22")]
    public void An_enum_type_name_says_a_repeated_word_once(string rest, string member, string expected) =>
        Naming.EnumTypeName(rest, member).ShouldBe(expected);

    [Fact]
    public void The_bundled_integer_enum_reads_without_stutter_and_takes_a_number()
    {
        var request = new Seedream40EditSequentialRequest { Text = "t", Images = ["https://example.com/cat.png"], SequentialImageGenerationOptions = 5 };

        request.SequentialImageGenerationOptions.ShouldBe(Seedream40EditSequentialImageGenerationOptions.Value5);
        request.ToJson().ShouldContain("\"sequential_image_generation_options\":5");
        request.Validate().IsValid.ShouldBeTrue();
    }

    [Fact]
    public void A_number_outside_the_enum_compiles_but_fails_validation()
    {
        var request = new Seedream40EditSequentialRequest { Text = "t", Images = ["https://example.com/cat.png"], SequentialImageGenerationOptions = 16 };

        ValidationError error = request.Validate().Errors.ShouldHaveSingleItem();
        error.Path.ShouldBe("sequential_image_generation_options");
        error.Rule.ShouldBe("enum");
        error.Message.ShouldBe("'16' is not one of the allowed values.");
        Should.Throw<ArgumentOutOfRangeException>(() => ((Seedream40EditSequentialImageGenerationOptions)16).ToJsonValue());
    }

    [Fact]
    public void Integer_enum_values_compare_and_convert_by_their_number()
    {
        Seedream40EditSequentialImageGenerationOptions three = 3;

        (three == Seedream40EditSequentialImageGenerationOptions.Value3).ShouldBeTrue();
        (three != Seedream40EditSequentialImageGenerationOptions.Value4).ShouldBeTrue();
        ((int)three).ShouldBe(3);
        three.ToString().ShouldBe("3");
        Seedream40EditSequentialImageGenerationOptionsValues.TryParse(3, out var parsed).ShouldBeTrue();
        parsed.ShouldBe(three);
        Seedream40EditSequentialImageGenerationOptionsValues.TryParse(3L + uint.MaxValue + 1, out _).ShouldBeFalse();
        Seedream40EditSequentialImageGenerationOptionsValues.IsDefined(default).ShouldBeFalse();
    }

    [Fact]
    public void Duration_equals_5_compiles_against_a_generated_integer_enum()
    {
        GenerationResult result = Generate("""
            namespace Consumer
            {
                using RunComfy.Models.Acme;

                internal static class Usage
                {
                    public static VideoRequest Make() => new VideoRequest { Duration = 5, Level = -1, Big = 5000000000, Passes = 2 };

                    public static bool Check(VideoDuration d) => d == VideoDuration.Value10 || d.Value == 5;
                }
            }
            """);

        result.CompilationDiagnostics.ShouldBeEmpty();
        result.GeneratorDiagnostics.ShouldBeEmpty();
    }

    [Fact]
    public void Integer_enum_members_are_named_as_the_ide_shows_them()
    {
        GenerationResult result = Generate(consumer: null);
        INamedTypeSymbol duration = result.Compilation.GetTypeByMetadataName("RunComfy.Models.Acme.VideoDuration")!;
        INamedTypeSymbol level = result.Compilation.GetTypeByMetadataName("RunComfy.Models.Acme.VideoLevel")!;
        INamedTypeSymbol big = result.Compilation.GetTypeByMetadataName("RunComfy.Models.Acme.VideoBig")!;

        duration.IsValueType.ShouldBeTrue();
        Names(duration).ShouldBe(["Equals", "GetHashCode", "ToString", "Value", "Value10", "Value5"], ignoreOrder: true);
        Names(level).ShouldContain("ValueMinus1");
        ((IPropertySymbol)big.GetMembers("Value").Single()).Type.SpecialType.ShouldBe(SpecialType.System_Int64);
        ((IPropertySymbol)duration.GetMembers("Value").Single()).Type.SpecialType.ShouldBe(SpecialType.System_Int32);
    }

    [Theory]
    [InlineData("""{ "type": "object", "properties": { "mode": { "type": "string", "enum": ["a", "b"] }, "sequential_mode": { "type": "integer", "enum": [1, 2] } } }""")]
    [InlineData("""{ "type": "object", "properties": { "sequential_mode": { "type": "integer", "enum": [1, 2] }, "mode": { "type": "string", "enum": ["a", "b"] } } }""")]
    public void A_shorter_name_another_enum_of_the_model_has_falls_back_to_the_full_one_in_any_order(string schema)
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/edit-sequential", schema));

        result.CompilationDiagnostics.ShouldBeEmpty();
        result.GeneratorDiagnostics.ShouldBeEmpty();
        result.Compilation.GetTypeByMetadataName("RunComfy.Models.Acme.EditSequentialMode")!.TypeKind.ShouldBe(TypeKind.Enum);
        result.Compilation.GetTypeByMetadataName("RunComfy.Models.Acme.EditSequentialSequentialMode")!.TypeKind.ShouldBe(TypeKind.Struct);
    }

    [Theory]
    [InlineData("acme/get-hash", "hash_code", "GetHashCodeValue")]
    [InlineData("acme/to", "string", "ToStringValue")]
    [InlineData("acme/equal", "s", "EqualS")]
    public void An_integer_enum_never_takes_the_name_of_one_of_its_own_members(string modelId, string property, string expected)
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel(modelId, $$"""
            { "type": "object", "properties": { "{{property}}": { "type": "integer", "enum": [1, 2] } } }
            """));

        result.CompilationDiagnostics.ShouldBeEmpty();
        result.Compilation.GetTypeByMetadataName("RunComfy.Models.Acme." + expected)!.TypeKind.ShouldBe(TypeKind.Struct);
    }

    private static GenerationResult Generate(string? consumer)
    {
        GenerationResult result = GeneratorHarness.Run(SchemaInput.ForModel("acme/video", """
            {
              "type": "object",
              "required": ["duration"],
              "properties": {
                "duration": { "type": "integer", "enum": [5, 10] },
                "level": { "type": "integer", "enum": [-1, 0, 1] },
                "big": { "type": "integer", "enum": [1, 5000000000] },
                "passes": { "type": "integer", "enum": [1, 2] }
              }
            }
            """));
        if (consumer is null)
        {
            return result;
        }

        Compilation withConsumer = result.Compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText(consumer, GeneratorHarness.ParseOptions));
        return new GenerationResult(result.Run, withConsumer);
    }

    private static string[] Names(INamedTypeSymbol type) =>
        [.. type.GetMembers().Where(m => m.DeclaredAccessibility == Accessibility.Public && !m.IsImplicitlyDeclared && m is not IMethodSymbol { MethodKind: MethodKind.Constructor or MethodKind.UserDefinedOperator or MethodKind.Conversion or MethodKind.PropertyGet }).Select(m => m.Name).Distinct()];
}
