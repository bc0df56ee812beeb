using RunComfy.Cli.Downloads;

namespace RunComfy.SchemaClient.Cli.Tests.Downloads;

public sealed class DownloadPolicyTests
{
    [Theory]
    [InlineData("https://runcomfy.net/out.png")]
    [InlineData("https://model-api.runcomfy.net/files/out.png")]
    [InlineData("https://cdn.runcomfy.com/a/b/c.mp4")]
    [InlineData("https://CDN.RunComfy.Com/x.png")]
    public void Allows_runcomfy_hosts_over_https(string url) =>
        new DownloadPolicy().IsAllowed(new Uri(url), out _).ShouldBeTrue();

    [Theory]
    [InlineData("http://cdn.runcomfy.net/out.png", "not HTTPS")]
    [InlineData("https://evilruncomfy.net/out.png", "not a RunComfy host")]
    [InlineData("https://runcomfy.net.evil.com/out.png", "not a RunComfy host")]
    [InlineData("https://runcomfy.net@evil.com/out.png", "not a RunComfy host")]
    [InlineData("https://example.com/out.png", "not a RunComfy host")]
    [InlineData("http://127.0.0.1:5000/out.png", "not HTTPS")]
    [InlineData("file:///etc/passwd", "not HTTPS")]
    public void Refuses_everything_else(string url, string reasonPart)
    {
        new DownloadPolicy().IsAllowed(new Uri(url), out var reason).ShouldBeFalse();
        reason.ShouldContain(reasonPart);
    }

    [Fact]
    public void Trusts_an_extra_origin_exactly()
    {
        var policy = new DownloadPolicy(trustedOrigins: [new Uri("http://127.0.0.1:5123/")]);
        policy.IsAllowed(new Uri("http://127.0.0.1:5123/v1/files/x.png"), out _).ShouldBeTrue();
        policy.IsAllowed(new Uri("http://127.0.0.1:5124/v1/files/x.png"), out _).ShouldBeFalse();
        policy.IsAllowed(new Uri("https://127.0.0.1:5123/v1/files/x.png"), out _).ShouldBeFalse();
        policy.IsAllowed(new Uri("http://localhost:5123/v1/files/x.png"), out _).ShouldBeFalse();
    }

    [Fact]
    public void Defaults_to_the_official_two_gib_cap() =>
        new DownloadPolicy().MaxBytes.ShouldBe(2L * 1024 * 1024 * 1024);
}
