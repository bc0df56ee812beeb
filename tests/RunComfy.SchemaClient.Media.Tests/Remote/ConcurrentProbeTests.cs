using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Remote;

/// <summary>Ten remote images are probed at once, not one after another.</summary>
public sealed class ConcurrentProbeTests(MediaServerFixture fixture) : IClassFixture<MediaServerFixture>
{
    [Fact]
    public async Task Ten_remote_images_are_in_flight_together()
    {
        var server = fixture.Server;
        server.GateWidth = 10;
        var images = Enumerable.Range(0, 10)
            .Select(i =>
            {
                server.Add($"gate-{i}.jpg", TestImages.Jpeg(100 + i, 100));
                return server.Url("gate", $"gate-{i}.jpg");
            })
            .ToArray();

        // The gate answers only once all ten wait at it; a sequential prober would sit there until the
        // server's safety timeout. The probe timeout is a safety net too, far longer than the test needs.
        var options = new MediaValidationOptions { Timeout = TimeSpan.FromSeconds(60) };
        var result = await new SequentialEditRequest { Images = images }.ValidateAsync(options);

        result.IsValid.ShouldBeTrue(string.Join("; ", result.Errors));
        server.MaxWaitingAtGate.ShouldBe(10);
    }
}
