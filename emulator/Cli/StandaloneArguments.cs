using System.Globalization;

namespace RunComfy.Emulator.Cli;

/// <summary>The standalone program's command line: <c>--urls</c>, <c>--token</c> and a few tuning switches.</summary>
internal sealed class StandaloneArguments
{
    public string Urls { get; private set; } = "http://127.0.0.1:5199";

    public string? Token { get; private set; }

    public string? SchemasDirectory { get; private set; }

    public int? QueueStepMilliseconds { get; private set; }

    public int? RunMilliseconds { get; private set; }

    public int? Workers { get; private set; }

    public double FaultRate { get; private set; }

    public int? Seed { get; private set; }

    public bool Quiet { get; private set; }

    public bool Help { get; private set; }

    public const string Usage = """
        Usage: dotnet run --project emulator -- [options]
          --urls <url>            where to listen (default http://127.0.0.1:5199)
          --token <token>         the accepted bearer token (default: RUNCOMFY_API_TOKEN, RUNCOMFY_TOKEN, else "emulator-token")
          --schemas <dir>         more input schemas, model id = path; served with the bundled ones (same id: this folder wins),
                                  reloaded when a file in it changes
          --queue-step-ms <n>     time per queue position (default 500)
          --run-ms <n>            time in_progress (default 1500)
          --workers <n>           jobs run at once; the rest wait in one FIFO queue (default: no limit, each job on its own timer)
          --fault-rate <0..1>     random faults on submit/status/result/cancel, spread over retryable kinds (default 0)
          --seed <n>              seed of the random faults
          --quiet                 no request log
        """;

    public static StandaloneArguments Parse(IReadOnlyList<string> args)
    {
        var parsed = new StandaloneArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            switch (name)
            {
                case "--urls": parsed.Urls = Value(); break;
                case "--token": parsed.Token = Value(); break;
                case "--schemas": parsed.SchemasDirectory = Value(); break;
                case "--queue-step-ms": parsed.QueueStepMilliseconds = ParseInt(name, Value()); break;
                case "--run-ms": parsed.RunMilliseconds = ParseInt(name, Value()); break;
                case "--workers": parsed.Workers = ParseInt(name, Value()) is > 0 and var workers ? workers : throw new ArgumentException("--workers needs a whole number >= 1."); break;
                case "--fault-rate": parsed.FaultRate = ParseRate(name, Value()); break;
                case "--seed": parsed.Seed = ParseInt(name, Value()); break;
                case "--quiet": parsed.Quiet = true; break;
                case "-h" or "--help": parsed.Help = true; break;
                default: throw new ArgumentException($"Unknown option '{name}'.");
            }
        }
        return parsed;
    }

    private static int ParseInt(string name, string value) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) && parsed >= 0
            ? parsed
            : throw new ArgumentException($"{name} needs a whole number >= 0.");

    private static double ParseRate(string name, string value) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed) && parsed is >= 0 and <= 1
            ? parsed
            : throw new ArgumentException($"{name} needs a number from 0 to 1.");
}
