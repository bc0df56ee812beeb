using RunComfy.Cli.Exit;
using RunComfy.Emulator;

namespace RunComfy.Cli.Connection;

/// <summary>Resolves token and base address and opens a <see cref="ClientSession"/> (starting the emulator for <c>--emulator</c>).</summary>
internal static class ClientSessionFactory
{
    public static async Task<ClientSession> OpenAsync(ConnectionRequest request, CliContext context, CancellationToken cancellationToken)
    {
        if (request.UseEmulator)
        {
            return await OpenEmulatorAsync(context, cancellationToken);
        }

        var token = TokenSource.Resolve(request.Token, context.GetEnvironmentVariable)
            ?? throw new CliException(ExitCodes.NoPermission,
                "No API token. Pass --token, or set RUNCOMFY_API_TOKEN (or RUNCOMFY_TOKEN). To try the CLI without one, add --emulator.");
        var baseAddress = ResolveBaseAddress(request, context);
        var options = new RunComfyClientOptions { BaseAddress = baseAddress };
        return new ClientSession(new RunComfyClient(token, options), baseAddress, emulator: null);
    }

    /// <summary>The API address: <c>--base-address</c>, else the journaled one, else <c>RUNCOMFY_MODEL_API_BASE</c>, else RunComfy's.</summary>
    public static Uri ResolveBaseAddress(ConnectionRequest request, CliContext context)
    {
        var text = FirstNonEmpty(request.BaseAddress, request.JournaledBaseAddress, context.GetEnvironmentVariable(RunComfyClientOptions.BaseAddressEnvironmentVariable));
        if (text is null)
        {
            return RunComfyClientOptions.DefaultBaseAddress;
        }

        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            throw new CliException(ExitCodes.Usage, $"'{text}' is not an http(s) base address.");
        }

        return uri;
    }

    private static async Task<ClientSession> OpenEmulatorAsync(CliContext context, CancellationToken cancellationToken)
    {
        // Short timings, so a demo run takes a couple of seconds: two queue positions, then a brief run.
        var options = new EmulatorOptions
        {
            InitialQueuePosition = 2,
            QueueStep = TimeSpan.FromMilliseconds(600),
            RunDuration = TimeSpan.FromMilliseconds(1500),
            OutputImageWidth = 256,
            OutputImageHeight = 256,
        };
        context.ConfigureEmulator?.Invoke(options);
        var emulator = await EmulatorServer.StartAsync(options, "http://127.0.0.1:0", cancellationToken);
        try
        {
            var clientOptions = new RunComfyClientOptions
            {
                BaseAddress = emulator.BaseAddress,
                PollInterval = TimeSpan.FromMilliseconds(250),
                MaxPollInterval = TimeSpan.FromMilliseconds(500),
            };
            return new ClientSession(new RunComfyClient(emulator.Options.Token, clientOptions), emulator.BaseAddress, emulator);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }

    private static string? FirstNonEmpty(params string?[] values) => values.FirstOrDefault(v => !string.IsNullOrWhiteSpace(v))?.Trim();
}
