using System.Text;
using System.Text.Json;
using RunComfy.Cli.Exit;

namespace RunComfy.Cli.Batch;

/// <summary>
/// The state of one batch: an append-only JSON-lines file, one record per change of one input line, each flushed to
/// the disk before the step it guards (a <c>submitting</c> record before the submit is sent). A kill at any point
/// leaves at most one torn last line, which <see cref="Fold"/> skips: a torn <c>submitting</c> record means the submit
/// was never sent, a torn later record falls back to the state before it, which is always the safer one. One process
/// owns a batch at a time (an exclusive lock file), so records never interleave; other batches are other files.
/// </summary>
internal sealed class BatchJournal : IAsyncDisposable
{
    private readonly FileStream _lock;
    private readonly FileStream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private BatchJournal(string path, FileStream @lock, FileStream stream)
    {
        FilePath = path;
        _lock = @lock;
        _stream = stream;
    }

    public string FilePath { get; }

    /// <summary>Where the journal of a batch lives: named by the hash of the model argument and the input file's bytes, so the same command finds it again.</summary>
    public static string PathFor(string dataDirectory, string? modelId, byte[] inputFile)
    {
        var key = Encoding.UTF8.GetBytes((modelId ?? "") + "\n").Concat(inputFile).ToArray();
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(key))[..24];
        return Path.Combine(dataDirectory, "batches", hash + ".jsonl");
    }

    /// <summary>Opens (or creates) a batch journal and takes its lock; another process running the same batch is refused.</summary>
    /// <exception cref="CliException">Another process holds the batch.</exception>
    public static BatchJournal Open(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        FileStream @lock;
        try
        {
            @lock = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
        }
        catch (IOException)
        {
            throw new CliException(ExitCodes.TryLater, $"Another comfy-schema process is running this batch (its journal is {path}); wait for it to end, then rerun.");
        }

        try
        {
            var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read, 4096, FileOptions.None);
            return new BatchJournal(path, @lock, stream);
        }
        catch
        {
            @lock.Dispose();
            throw;
        }
    }

    /// <summary>Every whole record so far, in order; a torn or unreadable line is skipped.</summary>
    public async Task<IReadOnlyList<BatchRecord>> ReadAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _stream.Seek(0, SeekOrigin.Begin);
            var bytes = new byte[_stream.Length];
            await _stream.ReadExactlyAsync(bytes, cancellationToken);
            return Parse(bytes);
        }
        finally
        {
            _gate.Release();
        }
    }

    public static IReadOnlyList<BatchRecord> Parse(ReadOnlySpan<byte> bytes)
    {
        var records = new List<BatchRecord>();
        while (bytes.Length > 0)
        {
            var end = bytes.IndexOf((byte)'\n');
            // A line counts only with its newline: the newline is written with the record, so a record without it was torn.
            if (end < 0) break;
            var line = bytes[..end];
            bytes = bytes[(end + 1)..];
            try
            {
                if (JsonSerializer.Deserialize(line, BatchJournalJson.Default.BatchRecord) is { State.Length: > 0 } record) records.Add(record);
            }
            catch (JsonException)
            {
                // A torn line followed by later records (a crash, then a rerun): skipped like the torn tail.
            }
        }

        return records;
    }

    /// <summary>The latest state of every line that has one.</summary>
    public static Dictionary<long, BatchRecord> Fold(IEnumerable<BatchRecord> records)
    {
        var byLine = new Dictionary<long, BatchRecord>();
        foreach (var record in records)
        {
            // A request id, once known, is kept by every later record of the line.
            byLine[record.Line] = byLine.TryGetValue(record.Line, out var earlier) && record.RequestId is null && earlier.RequestId is not null && record.State != BatchLineState.Submitting
                ? record with { RequestId = earlier.RequestId }
                : record;
        }

        return byLine;
    }

    /// <summary>Appends one record and flushes it to the disk before returning.</summary>
    public async Task AppendAsync(BatchRecord record, CancellationToken cancellationToken = default)
    {
        var line = JsonSerializer.SerializeToUtf8Bytes(record with { At = record.At ?? DateTimeOffset.UtcNow }, BatchJournalJson.Default.BatchRecord);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            _stream.Seek(0, SeekOrigin.End);
            if (_stream.Length > 0)
            {
                // A torn last line from a killed run: end it, so this record starts on a line of its own.
                _stream.Seek(-1, SeekOrigin.End);
                if (_stream.ReadByte() != '\n') _stream.WriteByte((byte)'\n');
                _stream.Seek(0, SeekOrigin.End);
            }

            var buffer = new byte[line.Length + 1];
            line.CopyTo(buffer, 0);
            buffer[^1] = (byte)'\n';
            await _stream.WriteAsync(buffer, cancellationToken);
            _stream.Flush(flushToDisk: true);
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stream.DisposeAsync();
        await _lock.DisposeAsync();
        _gate.Dispose();
    }
}
