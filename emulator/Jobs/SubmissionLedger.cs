using System.Collections.Concurrent;

namespace RunComfy.Emulator.Jobs;

/// <summary>Counts accepted submissions per exact request body, so tests can prove nothing was submitted twice.</summary>
internal sealed class SubmissionLedger
{
    private readonly ConcurrentDictionary<string, int> _countByBody = new(StringComparer.Ordinal);
    private int _total;
    private int _duplicates;

    public int Total => Volatile.Read(ref _total);

    /// <summary>Bodies accepted more than once.</summary>
    public int Duplicates => Volatile.Read(ref _duplicates);

    public int CountOf(string body) => _countByBody.TryGetValue(body, out var count) ? count : 0;

    public void Record(string body)
    {
        Interlocked.Increment(ref _total);
        var count = _countByBody.AddOrUpdate(body, 1, static (_, previous) => previous + 1);
        if (count == 2) Interlocked.Increment(ref _duplicates);
    }
}
