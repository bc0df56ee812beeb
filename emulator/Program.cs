// The standalone emulator: `dotnet run --project emulator -- --urls http://127.0.0.1:5199 --token T`.
// Everything lives in EmulatorServer; this only parses the command line and waits for Ctrl-C.
return await RunComfy.Emulator.Cli.StandaloneHost.RunAsync(args);
