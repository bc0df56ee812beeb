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
        var (address, source) = ResolveBaseAddress(request, context);
        var client = CreateClient(token, new RunComfyClientOptions { BaseAddress = address }, source);
        return new ClientSession(client, client.BaseAddress, emulator: null);
    }

    /// <summary>
    /// The API address and where it came from: <c>--base-address</c>, else <c>RUNCOMFY_MODEL_API_BASE</c>
    /// (both explicit, so they always win), else the journaled one, else RunComfy's. A journaled loopback
    /// address is used only when given again explicitly: whatever listens on that port now (the emulator is
    /// long gone) must not receive the token. Only parsed here; the runtime's own rules (HTTPS, or HTTP on
    /// loopback only; no query) are applied when the client is made.
    /// </summary>
    public static (Uri Address, string Source) ResolveBaseAddress(ConnectionRequest request, CliContext context)
    {
        (string? Text, string Source)[] explicitCandidates =
        [
            (request.BaseAddress, "--base-address"),
            (context.GetEnvironmentVariable(RunComfyClientOptions.BaseAddressEnvironmentVariable), RunComfyClientOptions.BaseAddressEnvironmentVariable),
        ];
        foreach (var (text, source) in explicitCandidates)
        {
            if (!string.IsNullOrWhiteSpace(text))
            {
                return (Parse(text, source), source);
            }
        }

        if (!string.IsNullOrWhiteSpace(request.JournaledBaseAddress))
        {
            const string source = "The API address in the journal";
            var journaled = Parse(request.JournaledBaseAddress, source);
            if (journaled.IsLoopback)
            {
                var shown = Rendering.Printable.Line(journaled.AbsoluteUri);
                throw new CliException(ExitCodes.Usage,
                    $"This request was submitted to a local address, {shown}. The token is sent there only when you ask for it again: "
                    + $"add --base-address {shown} (or set {RunComfyClientOptions.BaseAddressEnvironmentVariable}) if that API still runs.");
            }

            return (journaled, source);
        }

        return (RunComfyClientOptions.DefaultBaseAddress, "The default API address");

        static Uri Parse(string text, string source) =>
            Uri.TryCreate(text.Trim(), UriKind.Absolute, out var uri)
                ? uri
                : throw new CliException(ExitCodes.Usage, $"{source}: '{Rendering.Printable.Line(text)}' is not an absolute http(s) URL.");
    }

    /// <summary>
    /// Makes the client with the CLI's settings: media are validated once, by the CLI itself, before
    /// the submit (with its own options: no remote probing under <c>--emulator</c>), so the client's own
    /// media step is off. Option errors the runtime finds are usage errors.
    /// </summary>
    private static RunComfyClient CreateClient(string token, RunComfyClientOptions options, string addressSource)
    {
        options.ValidateMediaAsync = static (_, _) => ValueTask.FromResult(ValidationResult.Success);
        try
        {
            return new RunComfyClient(token, options);
        }
        catch (ArgumentException e)
        {
            // The token's problem (whitespace in it) or the address's (not HTTPS, a query...).
            var message = e.ParamName == "token" ? ExitCodeMapper.MessageOf(e) : $"{addressSource}: {ExitCodeMapper.MessageOf(e)}";
            throw new CliException(ExitCodes.Usage, message, e);
        }
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
            // A local emulator answers at once: short retry delays keep its scripted faults quick.
            clientOptions.Retry.Delay = TimeSpan.FromMilliseconds(20);
            clientOptions.Retry.MaxDelay = TimeSpan.FromMilliseconds(100);
            var client = CreateClient(emulator.Options.Token, clientOptions, "The emulator's address");
            return new ClientSession(client, client.BaseAddress, emulator);
        }
        catch
        {
            await emulator.DisposeAsync();
            throw;
        }
    }
}
