using System.CommandLine;
using RunComfy.Cli.Batch;
using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;
using RunComfy.Cli.Journal;

namespace RunComfy.Cli.Commands;

/// <summary>
/// <c>batch [model_id] --input-file requests.jsonl</c>: many requests under one scheduler, with live progress, a
/// results file, downloads, and a journal that makes a rerun of the same command resume the batch (see <see cref="BatchRunner"/>).
/// </summary>
internal static class BatchCommand
{
    public static Command Create(CliContext context, CommonOptions common)
    {
        var modelId = new Argument<string?>("model_id")
        {
            Description = "The model of every line that does not name its own ({\"model_id\": ..., \"input\": {...}}).",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var inputFile = new Option<string>("--input-file", "-f") { Description = "One request per line: the model's input object, or {\"model_id\": ..., \"input\": {...}}.", HelpName = "file", Required = true };
        var concurrency = new Option<int>("--concurrency") { Description = "The most jobs submitted and unfinished at once.", HelpName = "n", DefaultValueFactory = _ => 20 };
        var maxPolls = new Option<double>("--max-polls-per-second") { Description = "The most status calls per second for the whole batch.", HelpName = "n", DefaultValueFactory = _ => 10 };
        var submitsPerSecond = new Option<double>("--submits-per-second") { Description = "The most submits started per second.", HelpName = "n", DefaultValueFactory = _ => 5 };
        var output = new Option<string?>("--output") { Description = "Write one JSON line per input line (index, request id, state, output URLs, error) to this file.", HelpName = "file" };
        var outputDir = new Option<string?>("--output-dir", "-o") { Description = "Download each completed line's outputs into <dir>/line-<n>/ (default: no download).", HelpName = "dir" };
        var maxDownloadMb = new Option<long>("--max-download-mb") { Description = "Refuse an output file larger than this many MiB.", HelpName = "MiB", DefaultValueFactory = _ => DownloadOptions.DefaultMaxBytesPerFile / (1024 * 1024) };
        var trustOrigin = TrustOriginOption.Create();
        var resubmitUnknown = new Option<bool>("--resubmit-unknown") { Description = "Submit again the lines whose earlier submit may have been accepted without a request id coming back (they may run and bill twice)." };
        foreach (var positive in new Option[] { concurrency, maxPolls, submitsPerSecond, maxDownloadMb })
        {
            positive.Validators.Add(result =>
            {
                if (result.GetValueOrDefault<object>() is IConvertible value && value.ToDouble(System.Globalization.CultureInfo.InvariantCulture) <= 0)
                {
                    result.AddError($"{result.Option.Name} must be positive.");
                }
            });
        }

        var command = new Command("batch", "Run every request of a JSON-lines file under one poll budget; rerun the same command to resume after a crash or Ctrl-C.")
        {
            modelId, inputFile, concurrency, maxPolls, submitsPerSecond, output, outputDir, maxDownloadMb, trustOrigin, resubmitUnknown,
        };
        command.SetAction((parse, interrupt) =>
        {
            var json = parse.GetValue(common.Json);
            return CommandRunner.RunAsync(context, json, async () =>
            {
                var model = parse.GetValue(modelId);
                var path = Path.GetFullPath(parse.GetValue(inputFile)!, context.CurrentDirectory);
                byte[] content;
                try
                {
                    content = await File.ReadAllBytesAsync(path, interrupt);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw new CliException(ExitCodes.MissingFile, $"Cannot read the input file {path}: {e.Message}");
                }

                var (lines, problems) = BatchInputFile.Read(content, model);
                if (problems.Count > 0)
                {
                    context.Error.WriteLine($"✗ The input file has {problems.Count} problem(s); nothing was submitted:");
                    foreach (var problem in problems) context.Error.WriteLine($"  - {problem}");
                    return ExitCodes.BadInput;
                }

                var useEmulator = parse.GetValue(common.Emulator);
                await using var session = await ClientSessionFactory.OpenAsync(
                    new ConnectionRequest(parse.GetValue(common.Token), parse.GetValue(common.BaseAddress), useEmulator), context, interrupt);

                // The in-process emulator dies with this command, so its batch cannot be resumed: its journal is a throwaway.
                var dataDirectory = useEmulator
                    ? Path.Combine(Path.GetTempPath(), "comfy-schema-emulator-" + Guid.NewGuid().ToString("N"))
                    : JournalLocation.Resolve(parse.GetValue(common.DataDir), context.GetEnvironmentVariable);
                var settings = new BatchSettings(
                    parse.GetValue(concurrency),
                    parse.GetValue(maxPolls),
                    parse.GetValue(submitsPerSecond),
                    parse.GetValue(output),
                    parse.GetValue(outputDir),
                    parse.GetValue(maxDownloadMb) * 1024 * 1024,
                    parse.GetValue(resubmitUnknown))
                {
                    TrustedOrigins = TrustOriginOption.Read(parse, trustOrigin),
                };
                try
                {
                    await using var journal = BatchJournal.Open(BatchJournal.PathFor(dataDirectory, model, content));
                    return await new BatchRunner(context, session, journal, settings).RunAsync(lines, interrupt);
                }
                finally
                {
                    if (useEmulator && Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
                }
            });
        });
        return command;
    }
}
