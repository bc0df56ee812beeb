using RunComfy.Downloads;

namespace RunComfy.SchemaClient.Tests.Downloads;

public sealed class DownloadHostRulesTests
{
    [Theory]
    [InlineData("https://runcomfy.net/out.png")]
    [InlineData("https://model-api.runcomfy.net/files/out.png")]
    [InlineData("https://cdn.runcomfy.com/a/b/c.mp4")]
    [InlineData("https://CDN.RunComfy.Com/x.png")]
    public void Allows_runcomfy_hosts_over_https_on_public_addresses_only(string url)
    {
        var policy = DownloadHostRules.Check(new Uri(url), new DownloadOptions(), out _);

        policy.ShouldNotBeNull();
        policy.Value.AllowLoopback.ShouldBeFalse();
        policy.Value.AllowPrivateAddresses.ShouldBeFalse();
    }

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
        DownloadHostRules.Check(new Uri(url), new DownloadOptions(), out var reason).ShouldBeNull();
        reason.ShouldContain(reasonPart);
    }

    [Fact]
    public void A_refusal_never_shows_user_info()
    {
        DownloadHostRules.Check(new Uri("http://user:SECRET@cdn.runcomfy.net/out.png"), new DownloadOptions(), out var reason).ShouldBeNull();
        reason.ShouldNotContain("SECRET");
    }

    [Fact]
    public void Trusts_an_extra_origin_exactly_on_any_address()
    {
        var options = new DownloadOptions { TrustedOrigins = { new Uri("http://127.0.0.1:5123/") } };

        var policy = DownloadHostRules.Check(new Uri("http://127.0.0.1:5123/v1/files/x.png"), options, out _);
        policy.ShouldNotBeNull();
        policy.Value.AllowLoopback.ShouldBeTrue();
        DownloadHostRules.Check(new Uri("http://127.0.0.1:5124/v1/files/x.png"), options, out _).ShouldBeNull();
        DownloadHostRules.Check(new Uri("https://127.0.0.1:5123/v1/files/x.png"), options, out _).ShouldBeNull();
        DownloadHostRules.Check(new Uri("http://localhost:5123/v1/files/x.png"), options, out _).ShouldBeNull();
    }

    [Fact]
    public void Other_allowed_hosts_replace_the_default_and_are_named_in_the_refusal()
    {
        var options = new DownloadOptions();
        options.AllowedHosts.Clear();
        options.AllowedHosts.Add("files.example.org");

        DownloadHostRules.Check(new Uri("https://eu.files.example.org/x.png"), options, out _).ShouldNotBeNull();
        DownloadHostRules.Check(new Uri("https://cdn.runcomfy.net/x.png"), options, out var reason).ShouldBeNull();
        reason.ShouldContain("not an allowed host (*.files.example.org)");
    }

    [Fact]
    public void Defaults_are_the_clis()
    {
        var options = new DownloadOptions();

        options.MaxBytesPerFile.ShouldBe(2L * 1024 * 1024 * 1024);
        options.IdleTimeout.ShouldBe(TimeSpan.FromSeconds(60));
        options.Overwrite.ShouldBe(DownloadOverwrite.KeepBoth);
        options.AllowedHosts.ShouldBe(["runcomfy.net", "runcomfy.com"]);
        options.TrustedOrigins.ShouldBeEmpty();
        options.AllowPrivateAddresses.ShouldBeFalse();
    }

    [Fact]
    public void Bad_options_are_reported_all_at_once()
    {
        var options = new DownloadOptions
        {
            MaxBytesPerFile = 0,
            IdleTimeout = TimeSpan.Zero,
            FileNamePrefix = "../up-",
            Overwrite = (DownloadOverwrite)7,
        };
        options.TrustedOrigins.Add(new Uri("ftp://files.example/"));

        var error = Should.Throw<ArgumentException>(options.Validate);

        error.Message.ShouldContain("MaxBytesPerFile must be positive");
        error.Message.ShouldContain("IdleTimeout must be positive");
        error.Message.ShouldContain("FileNamePrefix must be");
        error.Message.ShouldContain("Overwrite must be");
        error.Message.ShouldContain("TrustedOrigins must hold absolute http or https URLs");
    }
}
