using RunComfy.Emulator;

namespace RunComfy.Cli.Connection;

/// <summary>
/// A connected <see cref="RunComfyClient"/> for one command, and the in-process emulator behind it
/// when <c>--emulator</c> is used (stopped when the session is disposed).
/// </summary>
internal sealed class ClientSession : IAsyncDisposable
{
    private readonly EmulatorServer? _emulator;

    public ClientSession(RunComfyClient client, Uri baseAddress, EmulatorServer? emulator)
    {
        Client = client;
        BaseAddress = baseAddress;
        _emulator = emulator;
    }

    public RunComfyClient Client { get; }

    /// <summary>The API this session talks to.</summary>
    public Uri BaseAddress { get; }

    /// <summary>True when the API is the in-process emulator (gone when this process exits).</summary>
    public bool IsEmulator => _emulator is not null;

    /// <summary>
    /// The download rules: RunComfy's hosts, plus the API's own origin when it is not RunComfy's
    /// (the emulator, or an address the user chose), since that is where its outputs are served from,
    /// plus the origins given with <c>--trust-origin</c>. Refusals name that option, not the library's property.
    /// </summary>
    public DownloadOptions CreateDownloadOptions(long maxBytes, IReadOnlyList<Uri> trustedOrigins)
    {
        var options = new DownloadOptions { MaxBytesPerFile = maxBytes, TrustAdvice = Commands.TrustOriginOption.Advice };
        foreach (var origin in trustedOrigins)
        {
            options.TrustedOrigins.Add(origin);
        }

        var isDefault = Uri.Compare(BaseAddress, RunComfyClientOptions.DefaultBaseAddress, UriComponents.SchemeAndServer, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;
        if (!isDefault)
        {
            options.TrustedOrigins.Add(BaseAddress);
        }

        return options;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (_emulator is not null)
        {
            await _emulator.DisposeAsync();
        }
    }
}
