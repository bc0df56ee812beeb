namespace RunComfy.SchemaClient.Generator.Tests.Interpreted;

/// <summary>The test classes that share one compilation of <see cref="GeneratedModels"/> (it compiles 123 schemas).</summary>
[CollectionDefinition(Name)]
public sealed class GeneratedModelsCollection : ICollectionFixture<GeneratedModels>
{
    public const string Name = "Generated models";
}
