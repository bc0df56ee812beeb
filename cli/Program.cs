using RunComfy.Cli;
using RunComfy.Cli.Interrupts;

using var signals = InterruptSignals.ForConsole();
return await CliApp.RunAsync(args, CliContext.ForConsole(signals.Abandon), signals.Interrupt);
