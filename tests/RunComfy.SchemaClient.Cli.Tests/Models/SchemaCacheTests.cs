using Microsoft.Extensions.Time.Testing;
using RunComfy.Cli.Models;
using RunComfy.SchemaClient.Cli.Tests.Infrastructure;

namespace RunComfy.SchemaClient.Cli.Tests.Models;

public sealed class SchemaCacheTests : IDisposable
{
    private static readonly Uri Api = new("https://model-api.runcomfy.net/");
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_schema_is_used_for_a_day_and_only_for_the_api_it_came_from()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.Zero));
        var cache = new SchemaCache(_folder.Path, clock);
        cache.Store("acme/model/v1", Api, """{"properties":{"prompt":{"type":"string"}}}""");

        cache.TryGetFresh("acme/model/v1", Api).ShouldBe("""{"properties":{"prompt":{"type":"string"}}}""");
        cache.TryGetFresh("acme/model/v1", new Uri("http://127.0.0.1:5000/")).ShouldBeNull();
        cache.TryGetFresh("acme/other", Api).ShouldBeNull();

        clock.Advance(SchemaCache.MaxAge - TimeSpan.FromSeconds(1));
        cache.TryGetFresh("acme/model/v1", Api).ShouldNotBeNull();
        clock.Advance(TimeSpan.FromSeconds(1));
        cache.TryGetFresh("acme/model/v1", Api).ShouldBeNull();
    }

    [Fact]
    public void A_damaged_file_is_a_miss()
    {
        var cache = new SchemaCache(_folder.Path);
        var path = cache.PathOf("acme/model")!;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "{\"base_address\": 3");

        cache.TryGetFresh("acme/model", Api).ShouldBeNull();
    }

    [Theory]
    [InlineData("acme/../../etc")]
    [InlineData("acme/..")]
    [InlineData("single")]
    [InlineData("acme//x")]
    [InlineData("acme/x\\y")]
    [InlineData("/abs/path")]
    public void An_id_that_is_not_a_safe_path_is_never_a_file(string modelId) =>
        new SchemaCache(_folder.Path).PathOf(modelId).ShouldBeNull();
}
