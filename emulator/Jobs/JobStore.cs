using System.Collections.Concurrent;

namespace RunComfy.Emulator.Jobs;

/// <summary>All jobs by request id; lives as long as the server.</summary>
internal sealed class JobStore
{
    private readonly ConcurrentDictionary<string, Job> _jobs = new(StringComparer.Ordinal);

    public int Count => _jobs.Count;

    public void Add(Job job)
    {
        if (!_jobs.TryAdd(job.Id, job)) throw new InvalidOperationException("Request ids are unique.");
    }

    public bool Remove(string id) => _jobs.TryRemove(id, out _);

    public Job? Find(string id) => _jobs.TryGetValue(id, out var job) ? job : null;
}
