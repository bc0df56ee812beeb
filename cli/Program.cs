using RunComfy.Cli;

return await CliApp.RunAsync(args, CliContext.ForConsole(), ctrlCGracePeriod: TimeSpan.FromSeconds(30));
