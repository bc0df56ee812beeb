using System.Text;
using System.Text.Json;

namespace RunComfy.Cli.Batch;

/// <summary>Writes <c>--output results.jsonl</c>: one line per input line, in input order: index, request id, model, state, output URLs, files, error.</summary>
internal static class BatchResultsFile
{
    public static async Task WriteAsync(string path, IEnumerable<BatchLine> lines, IReadOnlyDictionary<long, BatchRecord> states, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temporary = path + ".part";
        await using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
        {
            foreach (var line in lines.OrderBy(l => l.Line))
            {
                var state = states.GetValueOrDefault(line.Line);
                using var buffer = new MemoryStream();
                await using (var writer = new Utf8JsonWriter(buffer))
                {
                    writer.WriteStartObject();
                    writer.WriteNumber("index", line.Line);
                    writer.WriteString("request_id", state?.RequestId);
                    writer.WriteString("model_id", line.Request.ModelId);
                    writer.WriteString("state", state?.State ?? "not_submitted");
                    writer.WriteStartArray("outputs");
                    foreach (var url in state?.Outputs ?? []) writer.WriteStringValue(url);
                    writer.WriteEndArray();
                    if (state?.Files is { } files)
                    {
                        writer.WriteStartArray("files");
                        foreach (var file in files) writer.WriteStringValue(file);
                        writer.WriteEndArray();
                    }

                    writer.WriteString("error", state?.Error);
                    writer.WriteEndObject();
                }

                buffer.WriteByte((byte)'\n');
                await stream.WriteAsync(buffer.ToArray(), cancellationToken);
            }
        }

        // Replaced whole, so a reader never sees half a results file.
        File.Move(temporary, path, overwrite: true);
    }

    public static string Utf8(ReadOnlySpan<byte> bytes) => Encoding.UTF8.GetString(bytes);
}
