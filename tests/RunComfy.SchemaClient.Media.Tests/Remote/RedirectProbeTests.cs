using System.Net;
using RunComfy.SchemaClient.Media.Tests.Support;

namespace RunComfy.SchemaClient.Media.Tests.Remote;

/// <summary>
/// Probes follow redirects by hand and check every hop before anything is sent to it: HTTPS (plain HTTP only to
/// loopback for opted-in media, never down from HTTPS), and no private, link-local, metadata or loopback address
/// unless allowed. Every server here listens on 127.0.0.1; a refused address is never connected to, which the fake
/// network's record of connection attempts proves.
/// </summary>
public sealed class RedirectProbeTests : IAsyncLifetime
{
    private MediaTestServer _server = null!;
    private MediaTestServer _other = null!;

    public async Task InitializeAsync()
    {
        _server = await MediaTestServer.StartAsync();
        _other = await MediaTestServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _other.DisposeAsync();
    }

    private static SequentialEditRequest WithImage(MediaInput image) => new() { Images = [image] };

    private static void ShouldNeverConnectOutsideLoopback(FakeProbeNetwork network) =>
        network.Attempts.ShouldAllBe(endPoint => IPAddress.IsLoopback(endPoint.Address));

    [Fact]
    public async Task A_loopback_url_redirecting_to_plain_http_metadata_is_not_followed()
    {
        var network = new FakeProbeNetwork();
        var media = _server.Redirect("meta.png", "http://169.254.169.254/latest/meta-data/iam?X-Amz-Signature=secret-signature");

        var result = await WithImage(media).ValidateAsync(network.Options());

        result.Errors.ShouldBeEmpty();
        var warning = result.Warnings.ShouldHaveSingleItem();
        (warning.Path, warning.Rule).ShouldBe(("images[0]", "media"));
        warning.Message.ShouldContain("'http://169.254.169.254/latest/meta-data/iam?...'");
        warning.Message.ShouldContain("plain HTTP is followed only to a loopback host");
        warning.Message.ShouldNotContain("secret-signature");
        network.Attempts.ShouldNotContain(endPoint => endPoint.Address.Equals(IPAddress.Parse("169.254.169.254")));
        ShouldNeverConnectOutsideLoopback(network);
        _server.RequestsFor("meta.png").ShouldHaveSingleItem().Status.ShouldBe(302);
    }

    [Theory]
    [InlineData("https://169.254.169.254/latest/meta-data/", "169.254.169.254 is a cloud metadata address")]
    [InlineData("https://[fd00:ec2::254]/latest/", "fd00:ec2::254 is a cloud metadata address")]
    [InlineData("https://10.20.30.40/a.png", "10.20.30.40 is a private address")]
    [InlineData("https://[fe80::1]/a.png", "fe80::1 is a link-local address")]
    [InlineData("https://100.100.100.200/a.png", "100.100.100.200 is a shared (CGNAT) address")]
    [InlineData("https://0.0.0.0/a.png", "0.0.0.0 is an unspecified address")]
    [InlineData("https://[::ffff:192.168.1.1]/a.png", "is a private address")]
    public async Task A_redirect_to_an_address_literal_that_is_not_public_is_refused_before_connecting(string location, string reason)
    {
        var network = new FakeProbeNetwork();
        var name = $"literal-{Guid.NewGuid():N}.png";
        var media = _server.Redirect(name, location, status: 307);

        var exception = await Should.ThrowAsync<MediaProbeRefusedException>(() => media.ReadMetadataAsync(network.Options()));

        exception.Reason.ShouldContain(reason);
        exception.Reason.ShouldContain("MediaValidationOptions.AllowPrivateAddresses");
        ShouldNeverConnectOutsideLoopback(network);
    }

    [Theory]
    [InlineData("169.254.169.254", "a cloud metadata address")]
    [InlineData("192.168.0.10", "a private address")]
    [InlineData("172.16.5.5", "a private address")]
    [InlineData("fc00::5", "a private address")]
    public async Task A_redirect_to_a_name_that_resolves_to_a_private_address_is_refused_where_it_would_connect(string address, string reason)
    {
        var network = new FakeProbeNetwork().Name("inside.test", address);
        var media = _server.Redirect($"name-{address}.png", "https://inside.test/a.png?sig=abc");

        var exception = await Should.ThrowAsync<MediaProbeRefusedException>(() => media.ReadMetadataAsync(network.Options()));

        exception.Url.ShouldBe("https://inside.test/a.png?...");
        exception.Reason.ShouldBe($"the host 'inside.test' resolves to {address}, {reason} (set MediaValidationOptions.AllowPrivateAddresses to probe private networks)");
        ShouldNeverConnectOutsideLoopback(network);
        network.Attempts.ShouldHaveSingleItem().Port.ShouldBe(_server.BaseAddress.Port);
    }

    [Fact]
    public async Task A_name_with_a_private_and_a_loopback_address_connects_only_to_the_allowed_one()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var https = await MediaTestServer.StartAsync(certificate);
        https.Add("mixed.png", TestImages.Png(30, 20));
        var network = new FakeProbeNetwork(certificate).Name("loopback.test", "10.0.0.7", "127.0.0.1");
        var media = _server.Redirect("mixed.png", $"https://loopback.test:{https.BaseAddress.Port}/files/mixed.png");

        var metadata = await media.ReadMetadataAsync(network.Options());

        (metadata.Width, metadata.Height).ShouldBe((30, 20));
        network.Attempts.ShouldNotContain(endPoint => endPoint.Address.Equals(IPAddress.Parse("10.0.0.7")));
        network.Attempts.ShouldContain(endPoint => endPoint.Port == https.BaseAddress.Port && endPoint.Address.Equals(IPAddress.Loopback));
    }

    [Fact]
    public async Task A_redirect_to_another_loopback_port_is_followed_when_loopback_is_allowed()
    {
        var network = new FakeProbeNetwork();
        _other.Add("moved.jpg", TestImages.Jpeg(640, 480, metadataSegments: 3));
        var media = _server.Redirect("moved.jpg", new Uri(_other.BaseAddress, "files/moved.jpg").ToString(), status: 301);

        var result = await WithImage(media).ValidateAsync(network.Options());

        result.IsValid.ShouldBeTrue(string.Join("; ", result.Warnings.Concat(result.Errors)));
        result.Warnings.ShouldBeEmpty();
        _server.RequestsFor("moved.jpg").ShouldHaveSingleItem().Status.ShouldBe(301);

        // Later range reads of the same probe go straight to where the redirect led.
        var served = _other.RequestsFor("moved.jpg");
        served.Count.ShouldBeGreaterThan(1);
        served.ShouldAllBe(r => r.Status == 206);
    }

    [Fact]
    public async Task A_redirect_to_loopback_is_refused_for_media_not_opted_in()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var https = await MediaTestServer.StartAsync(certificate);
        https.Redirect("to-loopback.png", "https://127.0.0.1:9/a.png");
        var network = new FakeProbeNetwork(certificate).Name("cdn.test", "127.0.0.1");

        // An https URL, not opted in to loopback: the name resolves to loopback, so the probe never connects.
        var media = MediaInput.FromUrl($"https://cdn.test:{https.BaseAddress.Port}/redirect/to-loopback.png");

        var exception = await Should.ThrowAsync<MediaProbeRefusedException>(() => media.ReadMetadataAsync(network.Options()));

        exception.Reason.ShouldStartWith("the host 'cdn.test' resolves to 127.0.0.1, a loopback address");
        exception.Reason.ShouldContain("allowLoopbackHttp: true");
        network.Attempts.ShouldBeEmpty();
        https.RequestsFor("to-loopback.png").ShouldBeEmpty();
    }

    [Fact]
    public async Task AllowPrivateAddresses_lets_a_name_that_resolves_to_a_local_address_be_probed()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var https = await MediaTestServer.StartAsync(certificate);
        https.Add("intranet.png", TestImages.Png(40, 40));
        var network = new FakeProbeNetwork(certificate).Name("loopback.test", "127.0.0.1");
        var media = MediaInput.FromUrl($"https://loopback.test:{https.BaseAddress.Port}/files/intranet.png");

        var metadata = await media.ReadMetadataAsync(network.Options(allowPrivateAddresses: true));

        (metadata.Width, metadata.Height).ShouldBe((40, 40));
        network.Attempts.ShouldAllBe(endPoint => endPoint.Port == https.BaseAddress.Port);
    }

    [Fact]
    public async Task More_than_five_redirects_are_refused_after_exactly_six_requests()
    {
        var network = new FakeProbeNetwork();
        var media = _server.Url("loop", "endless.png");

        var exception = await Should.ThrowAsync<MediaProbeRefusedException>(() => media.ReadMetadataAsync(network.Options()));

        exception.Reason.ShouldBe("more than 5 redirects");
        exception.Url.ShouldBe(new Uri(_server.BaseAddress, "loop/endless.png").ToString());
        _server.RequestsFor("endless.png").Count.ShouldBe(6);
    }

    [Fact]
    public async Task The_hop_limit_is_a_warning_in_validation()
    {
        var network = new FakeProbeNetwork();

        var result = await WithImage(_server.Url("loop", "endless-validate.png")).ValidateAsync(network.Options());

        result.Errors.ShouldBeEmpty();
        var warning = result.Warnings.ShouldHaveSingleItem();
        warning.Message.ShouldContain("could not be checked: the probe did not fetch");
        warning.Message.ShouldContain("more than 5 redirects");
        warning.Message.ShouldContain("Not checked: file_size_mb<");
    }

    [Fact]
    public async Task An_https_to_http_downgrade_is_refused_even_to_loopback()
    {
        using var certificate = LoopbackCertificate.Create();
        await using var https = await MediaTestServer.StartAsync(certificate);
        _server.Add("downgrade.png", TestImages.Png(20, 20));
        var network = new FakeProbeNetwork(certificate);
        https.Redirect("downgrade.png", new Uri(_server.BaseAddress, "files/downgrade.png").ToString());
        var media = MediaInput.FromUrl(new Uri(https.BaseAddress, "redirect/downgrade.png").ToString(), allowLoopbackHttp: true);

        var exception = await Should.ThrowAsync<MediaProbeRefusedException>(() => media.ReadMetadataAsync(network.Options()));

        exception.Reason.ShouldBe("a redirect from HTTPS down to plain HTTP");
        https.RequestsFor("downgrade.png").ShouldHaveSingleItem().Status.ShouldBe(302);
        _server.RequestsFor("downgrade.png").ShouldBeEmpty();
    }

    [Fact]
    public async Task A_client_of_your_own_gets_the_same_checks_before_each_hop_is_sent()
    {
        var (client, counting) = CountingHandler.CreateClient(allowAutoRedirect: false);
        using var _ = client;
        var fake = new FakeProbeNetwork().Name("inside.test", "169.254.169.254");
        var options = new MediaValidationOptions { HttpClient = client, Network = fake.Network };
        var media = _server.Redirect("own-client.png", "https://inside.test/latest/meta-data/");

        var exception = await Should.ThrowAsync<MediaProbeRefusedException>(() => media.ReadMetadataAsync(options));

        exception.Reason.ShouldStartWith("the host 'inside.test' resolves to 169.254.169.254, a cloud metadata address");
        counting.Requests.ShouldBe(1);
    }

    [Fact]
    public async Task A_client_of_your_own_that_follows_redirects_itself_has_the_final_url_checked()
    {
        var (client, _) = CountingHandler.CreateClient(allowAutoRedirect: true);
        using var _ = client;
        _server.Redirect("auto.png", "/redirect/auto-next.png");
        _server.Redirect("auto-next.png", "/files/auto-target.png");
        _server.Add("auto-target.png", TestImages.Png(25, 25));
        var options = new MediaValidationOptions { HttpClient = client };

        var metadata = await _server.Url("redirect", "auto.png").ReadMetadataAsync(options);

        (metadata.Width, metadata.Height).ShouldBe((25, 25));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task A_name_that_cannot_be_resolved_is_a_warning_not_an_error(bool ownClient)
    {
        var (client, _) = CountingHandler.CreateClient(allowAutoRedirect: false);
        using var _ = client;
        var network = new FakeProbeNetwork();
        var options = ownClient ? new MediaValidationOptions { HttpClient = client, Network = network.Network } : network.Options();
        var media = _server.Redirect($"unresolved-{ownClient}.png", "https://nowhere.test/a.png");

        var result = await WithImage(media).ValidateAsync(options);

        result.Errors.ShouldBeEmpty();
        result.Warnings.ShouldHaveSingleItem().Message.ShouldContain("The host 'nowhere.test' could not be resolved (HostNotFound)");
        ShouldNeverConnectOutsideLoopback(network);
    }
}
