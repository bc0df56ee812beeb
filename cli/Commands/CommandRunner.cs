using RunComfy.Cli.Exit;
using RunComfy.Cli.Rendering;

namespace RunComfy.Cli.Commands;

/// <summary>Runs a command body and turns any exception into a clear message and the right exit code (no stack traces).</summary>
internal static class CommandRunner
{
    public static async Task<int> RunAsync(CliContext context, bool json, Func<Task<int>> body)
    {
        try
        {
            return await body();
        }
        catch (OperationCanceledException) when (!json)
        {
            await context.Error.WriteLineAsync("✗ Interrupted.");
            return ExitCodes.Interrupted;
        }
        catch (OperationCanceledException e)
        {
            Report(context, json, new CliException(ExitCodes.Interrupted, "Interrupted.", e), ExitCodes.Interrupted);
            return ExitCodes.Interrupted;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            var exitCode = ExitCodeMapper.ForException(e);
            Report(context, json, e, exitCode);
            return exitCode;
        }
    }

    private static void Report(CliContext context, bool json, Exception e, int exitCode)
    {
        var api = e as RunComfyException;
        if (json)
        {
            JsonOutput.Write(context.Out, writer =>
            {
                writer.WriteStartObject();
                writer.WriteStartObject("error");
                writer.WriteString("message", Printable.Lines(ExitCodeMapper.MessageOf(e)));
                writer.WriteNumber("exit_code", exitCode);
                if (api?.Status is { } status)
                {
                    writer.WriteNumber("http_status", status);
                }

                if (api?.ErrorCode is { } code)
                {
                    writer.WriteString("error_code", Printable.Line(code));
                }

                if (e is SubmitOutcomeUnknownException)
                {
                    writer.WriteString("advice", JournaledSubmit.UnknownOutcomeAdvice);
                }

                if (api?.RequestId is { } id)
                {
                    writer.WriteString("request_id", Printable.Line(id));
                }

                if (api is { FieldErrors.Count: > 0 })
                {
                    writer.WriteStartArray("fields");
                    foreach (var field in api.FieldErrors)
                    {
                        writer.WriteStartObject();
                        writer.WriteString("path", Printable.Line(field.Field));
                        writer.WriteString("message", Printable.Line(field.Message));
                        writer.WriteEndObject();
                    }

                    writer.WriteEndArray();
                }

                writer.WriteEndObject();
                writer.WriteEndObject();
            });
            return;
        }

        // Server text is in many messages: no escape sequence or control character reaches the terminal.
        context.Error.WriteLine($"✗ {Printable.Lines(ExitCodeMapper.MessageOf(e))}");
        if (api is not null)
        {
            foreach (var field in api.FieldErrors)
            {
                context.Error.WriteLine($"  - {Printable.Line(field.ToString())}");
            }
        }

        if (e is SubmitOutcomeUnknownException)
        {
            context.Error.WriteLine($"  {JournaledSubmit.UnknownOutcomeAdvice}");
        }

        if (exitCode == ExitCodes.NoPermission && e is RunComfyException)
        {
            context.Error.WriteLine("  Check the token (--token, RUNCOMFY_API_TOKEN or RUNCOMFY_TOKEN).");
        }
    }
}
