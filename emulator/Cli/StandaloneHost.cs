namespace RunComfy.Emulator.Cli;

/// <summary>Runs the emulator from the command line until Ctrl-C or SIGTERM.</summary>
internal static class StandaloneHost
{
    // Retryable kinds the standalone --fault-rate spreads over; all refuse a submit before acceptance
    // or hit read-only calls, so a careful client loses nothing.
    private static readonly FaultKind[] RetryableKinds = [FaultKind.TooManyRequests, FaultKind.ServiceUnavailable, FaultKind.InternalServerError, FaultKind.DropConnection];

    public static async Task<int> RunAsync(string[] args)
    {
        StandaloneArguments arguments;
        try
        {
            arguments = StandaloneArguments.Parse(args);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            await Console.Error.WriteLineAsync(StandaloneArguments.Usage);
            return 64;
        }
        if (arguments.Help)
        {
            Console.WriteLine(StandaloneArguments.Usage);
            return 0;
        }

        var options = new EmulatorOptions
        {
            SchemasDirectory = arguments.SchemasDirectory is { } given ? Path.GetFullPath(given) : null,
            // A user editing a schema sees the change at once: how RunComfy changing a schema looks to a client.
            ReloadSchemasOnChange = true,
            SchemaReloadLog = Console.Error,
        };
        var token = arguments.Token ?? Environment.GetEnvironmentVariable("RUNCOMFY_API_TOKEN") ?? Environment.GetEnvironmentVariable("RUNCOMFY_TOKEN");
        var tokenSource = arguments.Token is not null ? "the value given with --token" : token is not null ? "the RUNCOMFY_API_TOKEN/RUNCOMFY_TOKEN variable" : "the default \"emulator-token\"";
        if (!string.IsNullOrEmpty(token)) options.Token = token;
        if (arguments.QueueStepMilliseconds is { } step) options.QueueStep = TimeSpan.FromMilliseconds(step);
        if (arguments.RunMilliseconds is { } run) options.RunDuration = TimeSpan.FromMilliseconds(run);
        options.Workers = arguments.Workers;
        if (arguments.Seed is { } seed) options.Faults.Seed = seed;
        if (arguments.FaultRate > 0)
        {
            foreach (var kind in RetryableKinds) options.Faults.SetRate(kind, arguments.FaultRate / RetryableKinds.Length, FaultTiming.BeforeAccept);
        }
        if (!arguments.Quiet) options.RequestLog = Console.Out;

        EmulatorServer server;
        try
        {
            server = await EmulatorServer.StartAsync(options, arguments.Urls);
        }
        catch (Exception ex) when (ex is DirectoryNotFoundException or InvalidOperationException or IOException)
        {
            await Console.Error.WriteLineAsync(ex.Message);
            return 66;
        }
        await using var _ = server;
        var origin = server.BaseAddress.GetLeftPart(UriPartial.Authority);
        Console.WriteLine($"RunComfy Model API emulator listening on {origin}");
        Console.WriteLine($"  models: {server.ModelIds.Count} ({string.Join(", ", server.ModelIds.Take(3))}{(server.ModelIds.Count > 3 ? ", ..." : "")})");
        Console.WriteLine($"  token:  {tokenSource} (never printed)");
        Console.WriteLine(options.Workers is { } workers
            ? $"  jobs:   {workers} workers, a FIFO queue, {options.RunDuration.TotalMilliseconds} ms in progress each"
            : $"  jobs:   {options.InitialQueuePosition} queue steps of {options.QueueStep.TotalMilliseconds} ms, then {options.RunDuration.TotalMilliseconds} ms in progress");
        Console.WriteLine("Point a client at it:");
        Console.WriteLine($"  export RUNCOMFY_MODEL_API_BASE={origin}");
        Console.WriteLine($"  curl -H \"Authorization: Bearer $RUNCOMFY_API_TOKEN\" {origin}/v1/models");
        Console.WriteLine("Press Ctrl-C to stop.");

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
        using var sigterm = System.Runtime.InteropServices.PosixSignalRegistration.Create(
            System.Runtime.InteropServices.PosixSignal.SIGTERM, context => { context.Cancel = true; stop.TrySetResult(); });
        await stop.Task;
        Console.WriteLine($"Stopping. {server.Stats}");
        return 0;
    }
}
