using RunComfy.Media.Probing;
using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Robustness;

/// <summary>
/// The fuzz cases again where the length is unknown (a stream, a server with neither Content-Length nor
/// ranges): no size check can catch a declared length past the end, so the parsers must stop on their own.
/// </summary>
public sealed class UnknownLengthFuzzTests(MediaServerFixture fixture) : IClassFixture<MediaServerFixture>
{
    private readonly MediaTestServer _server = fixture.Server;

    [Fact]
    public async Task No_exception_escapes_but_MediaFormatException_when_the_length_is_unknown()
    {
        var random = new Random(4242);
        var outcomes = new Dictionary<string, int>();
        for (var i = 0; i < 2000; i++)
        {
            var mutated = HeaderFuzzTests.Mutate(HeaderFuzzTests.Seeds[i % HeaderFuzzTests.Seeds.Length], random);
            var source = new UnknownLengthSource(mutated);
            string outcome;
            try
            {
                var result = await MediaProber.ReadAsync(source, readDimensions: true, CancellationToken.None);
                outcome = result.DimensionsError is null ? (result.Metadata.Width is null ? "not an image" : "parsed") : "MediaFormatException";
            }
            catch (Exception exception)
            {
                throw new ShouldAssertException($"Iteration {i} ({Convert.ToHexString(mutated.AsSpan(0, Math.Min(64, mutated.Length)))}) threw {exception}");
            }

            source.BytesReturned.ShouldBeLessThan(256 * 1024, $"iteration {i}");
            outcomes[outcome] = outcomes.GetValueOrDefault(outcome) + 1;
        }

        outcomes.GetValueOrDefault("parsed").ShouldBeGreaterThan(200);
        outcomes.GetValueOrDefault("MediaFormatException").ShouldBeGreaterThan(200);
    }

    [Fact]
    public async Task Mutated_headers_served_without_length_or_ranges_never_throw_from_ValidateAsync()
    {
        var random = new Random(99);
        for (var batch = 0; batch < 8; batch++)
        {
            var images = new List<MediaInput>();
            for (var i = 0; i < 10; i++)
            {
                var mutated = HeaderFuzzTests.Mutate(HeaderFuzzTests.Seeds[(batch * 10 + i) % HeaderFuzzTests.Seeds.Length], random);
                images.Add(_server.Add($"fuzz-{batch}-{i}", mutated, mode: "nolength"));
            }

            var result = await new SequentialEditRequest { Images = images }.ValidateAsync();

            result.Errors.Concat(result.Warnings).ShouldAllBe(e => e.Path.StartsWith("images[") || e.Path == "images");
        }
    }
}
