using System.Net;
using RunComfy.Downloads;

namespace RunComfy.SchemaClient.Tests.Downloads;

/// <summary>
/// A refused download says how to trust the origin: in the library's words (<see cref="DownloadOptions"/>) by default,
/// in the caller's words (the CLI's <c>--trust-origin</c>) when it gives its own <see cref="DownloadTrustAdvice"/>, for
/// plain HTTP, for a private address found before connecting, and for one found only where the connection is made.
/// </summary>
public sealed class DownloadTrustAdviceTests : IAsyncLifetime
{
    private static readonly DownloadTrustAdvice Custom = new(origin => $"use --trust {origin}", origin => $"use --trust {origin} for it");
    private readonly TempFolder _folder = new();
    private DownloadServer _server = null!;
    private int _rebindLookups;

    public async Task InitializeAsync() => _server = await DownloadServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        _folder.Dispose();
    }

    public static TheoryData<string, string> LibraryWords => new()
    {
        { "http://127.0.0.1:1/x.png", "'http://127.0.0.1:1' is not HTTPS (an origin you trust, such as a local emulator, can be added to DownloadOptions.TrustedOrigins)." },
        { "https://cdn.runcomfy.net:8443/x.png", "the host 'cdn.runcomfy.net' resolves to 10.0.0.7, a private address (set DownloadOptions.AllowPrivateAddresses, or add the origin to DownloadOptions.TrustedOrigins, to download from it)." },
        { "https://rebind.runcomfy.net/x.png", "the host 'rebind.runcomfy.net' resolves to 10.0.0.8, a private address (set DownloadOptions.AllowPrivateAddresses, or add the origin to DownloadOptions.TrustedOrigins, to download from it)." },
    };

    public static TheoryData<string, string> CustomWords => new()
    {
        { "http://127.0.0.1:1/x.png", "'http://127.0.0.1:1' is not HTTPS (use --trust http://127.0.0.1:1)." },
        { "https://cdn.runcomfy.net:8443/x.png", "the host 'cdn.runcomfy.net' resolves to 10.0.0.7, a private address (use --trust https://cdn.runcomfy.net:8443 for it)." },
        { "https://rebind.runcomfy.net/x.png", "the host 'rebind.runcomfy.net' resolves to 10.0.0.8, a private address (use --trust https://rebind.runcomfy.net for it)." },
    };

    [Theory]
    [MemberData(nameof(LibraryWords))]
    public async Task The_library_names_its_options(string location, string reason)
    {
        var error = await RefusalAsync(location, DownloadTrustAdvice.Library);

        error.Message.ShouldEndWith(": " + reason);
    }

    [Theory]
    [MemberData(nameof(CustomWords))]
    public async Task A_caller_with_its_own_advice_gets_its_own_words_and_none_of_the_libraries(string location, string reason)
    {
        var error = await RefusalAsync(location, Custom);

        error.Message.ShouldEndWith(": " + reason);
        error.Message.ShouldNotContain("DownloadOptions");
    }

    private async Task<RunComfyDownloadException> RefusalAsync(string location, DownloadTrustAdvice advice)
    {
        _server.Redirect("/out.png", location);
        var options = new DownloadOptions { Network = DownloadNetwork.Create(Resolve), TrustAdvice = advice };
        options.TrustedOrigins.Add(_server.BaseAddress);

        var error = await Should.ThrowAsync<RunComfyDownloadException>(() => new RequestOutput { AllUrls = [_server.Url("/out.png")] }.DownloadAsync(_folder.Path, options));

        error.Message.ShouldStartWith($"Refusing to download {_server.Url("/out.png")}: ");
        _folder.Entries.ShouldBeEmpty();
        return error;
    }

    private Task<IPAddress[]> Resolve(string host, CancellationToken cancellationToken) => Task.FromResult<IPAddress[]>(host switch
    {
        // Public when checked before the request, private when the connection is made: only the connect-time check sees it.
        "rebind.runcomfy.net" => [IPAddress.Parse(Interlocked.Increment(ref _rebindLookups) == 1 ? "203.0.113.9" : "10.0.0.8")],
        "cdn.runcomfy.net" => [IPAddress.Parse("10.0.0.7")],
        _ => [IPAddress.Parse("203.0.113.9")],
    });
}
