using System.Text;
using System.Text.Json;

namespace RunComfy.Cli.Journal;

/// <summary>
/// An append-only JSON-lines file of every request this CLI submitted. A <c>submitting</c> line is
/// written and flushed to disk before a submit is sent and completed with the request id (or
/// <c>outcome_unknown</c>) after, so a crash or a closed terminal never loses a paid job, and a submit
/// whose answer never came is still listed. Writers and readers take an exclusive lock on the file (retrying while another comfy-schema
/// process holds it), so concurrent processes never interleave half lines.
/// </summary>
internal sealed class RequestJournal
{
    /// <summary>The journal's file name inside the data directory.</summary>
    public const string FileName = "requests.jsonl";

    private static readonly TimeSpan LockWait = TimeSpan.FromSeconds(10);

    public RequestJournal(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory = directory;
        FilePath = Path.Combine(directory, FileName);
    }

    /// <summary>The data directory that holds the journal.</summary>
    public string Directory { get; }

    /// <summary>The journal file.</summary>
    public string FilePath { get; }

    /// <summary>Appends one record and flushes it to the disk.</summary>
    public async Task AppendAsync(JournalRecord record, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(record);
        System.IO.Directory.CreateDirectory(Directory);
        var line = Serialize(record);
        await using var stream = await OpenLockedAsync(FileMode.OpenOrCreate, FileAccess.ReadWrite, cancellationToken).ConfigureAwait(false);
        if (stream.Length > 0)
        {
            // A crash mid-write leaves a line without its newline: end it first, or this record would be
            // glued to the fragment and lost with it.
            stream.Seek(-1, SeekOrigin.End);
            var last = new byte[1];
            await stream.ReadExactlyAsync(last, cancellationToken).ConfigureAwait(false);
            if (last[0] != (byte)'\n')
            {
                await stream.WriteAsync("\n"u8.ToArray(), cancellationToken).ConfigureAwait(false);
            }
        }

        stream.Seek(0, SeekOrigin.End);
        await stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        stream.Flush(flushToDisk: true);
    }

    /// <summary>Every request in the journal, oldest submission first.</summary>
    public async Task<IReadOnlyList<JournaledRequest>> ReadAsync(CancellationToken cancellationToken = default)
    {
        if (!File.Exists(FilePath))
        {
            return [];
        }

        string text;
        await using (var stream = await OpenLockedAsync(FileMode.Open, FileAccess.Read, cancellationToken).ConfigureAwait(false))
        using (var reader = new StreamReader(stream, Encoding.UTF8))
        {
            text = await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false);
        }

        // Lines of one submit share a submit id; later lines about a request carry only its request id.
        var byKey = new Dictionary<string, JournaledRequest>(StringComparer.Ordinal);
        var keyOfRequest = new Dictionary<string, string>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var line in text.Split('\n'))
        {
            // A line torn by a crash or edited by hand is skipped; the others still count.
            if (!TryDeserialize(line, out var record))
            {
                continue;
            }

            var key = record.SubmitId is { } submitId
                ? "s:" + submitId
                : keyOfRequest.GetValueOrDefault(record.RequestId!) ?? "r:" + record.RequestId;
            if (record.RequestId is { } requestId)
            {
                keyOfRequest.TryAdd(requestId, key);
            }

            if (byKey.TryGetValue(key, out var known))
            {
                byKey[key] = known with { RequestId = known.RequestId ?? record.RequestId, State = record.State, UpdatedAt = record.At };
            }
            else
            {
                order.Add(key);
                byKey[key] = new JournaledRequest(record.RequestId, record.ModelId, record.BaseAddress, record.At, record.State, record.At);
            }
        }

        return [.. order.Select(key => byKey[key])];
    }

    /// <summary>Finds one request by id, or null when this journal never saw it.</summary>
    public async Task<JournaledRequest?> FindAsync(string requestId, CancellationToken cancellationToken = default)
    {
        var all = await ReadAsync(cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(r => string.Equals(r.RequestId, requestId, StringComparison.Ordinal));
    }

    /// <summary>Appends a new state for a request the journal already knows; does nothing for an unknown id.</summary>
    public async Task UpdateStateAsync(string requestId, string state, CancellationToken cancellationToken = default)
    {
        var known = await FindAsync(requestId, cancellationToken).ConfigureAwait(false);
        if (known is not null && !string.Equals(known.State, state, StringComparison.Ordinal))
        {
            await AppendAsync(new JournalRecord(requestId, known.ModelId, state, known.BaseAddress, DateTimeOffset.UtcNow), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<FileStream> OpenLockedAsync(FileMode mode, FileAccess access, CancellationToken cancellationToken)
    {
        // FileShare.None is an exclusive lock on every OS .NET runs on (flock on Unix), held by
        // another comfy-schema process only for the few microseconds of one read or append.
        var deadline = DateTime.UtcNow + LockWait;
        var delay = TimeSpan.FromMilliseconds(5);
        while (true)
        {
            try
            {
                return new FileStream(FilePath, mode, access, FileShare.None, bufferSize: 4096, FileOptions.Asynchronous);
            }
            catch (IOException e) when (e is not FileNotFoundException and not DirectoryNotFoundException && DateTime.UtcNow < deadline)
            {
                await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 100));
            }
        }
    }

    private static byte[] Serialize(JournalRecord record)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            if (record.SubmitId is not null)
            {
                writer.WriteString("submit_id", record.SubmitId);
            }

            if (record.RequestId is not null)
            {
                writer.WriteString("request_id", record.RequestId);
            }

            writer.WriteString("model_id", record.ModelId);
            writer.WriteString("state", record.State);
            writer.WriteString("base_address", record.BaseAddress);
            writer.WriteString("at", record.At);
            writer.WriteEndObject();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static bool TryDeserialize(string line, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out JournalRecord? record)
    {
        record = null;
        if (string.IsNullOrWhiteSpace(line))
        {
            return false;
        }

        try
        {
            using var document = JsonDocument.Parse(line);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("at", out var at) || at.ValueKind != JsonValueKind.String || !at.TryGetDateTimeOffset(out var time))
            {
                return false;
            }

            var requestId = StringOrNull(root, "request_id");
            var submitId = StringOrNull(root, "submit_id");
            if (requestId is null && submitId is null)
            {
                return false;
            }

            record = new JournalRecord(
                requestId,
                StringOrEmpty(root, "model_id"),
                StringOrEmpty(root, "state"),
                StringOrEmpty(root, "base_address"),
                time)
            {
                SubmitId = submitId,
            };
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string? StringOrNull(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text ? text : null;

    private static string StringOrEmpty(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : "";
}
