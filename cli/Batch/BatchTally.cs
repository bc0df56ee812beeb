namespace RunComfy.Cli.Batch;

/// <summary>Counts of a running batch for the progress display, fed by <see cref="BatchOptions.Progress"/>; thread-safe.</summary>
internal sealed class BatchTally(int total, int alreadyFinished)
{
    private readonly object _gate = new();
    private readonly Dictionary<long, BatchItemPhase> _phases = [];
    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();
    private int _submitted;
    private int _done;
    private int _failed;

    public void Report(BatchItemProgress progress)
    {
        lock (_gate)
        {
            if (progress.Phase == BatchItemPhase.Queued && _phases.GetValueOrDefault(progress.Index) is not BatchItemPhase.Queued and not BatchItemPhase.Running && progress.QueuePosition is null) _submitted++;
            if (progress.Phase == BatchItemPhase.Finished)
            {
                _phases.Remove(progress.Index);
                if (progress.Outcome == BatchItemOutcome.Completed) _done++;
                else _failed++;
                return;
            }

            _phases[progress.Index] = progress.Phase;
        }
    }

    /// <summary>One line: submitted, queued, running, done, failed, throughput and ETA.</summary>
    public string Describe()
    {
        lock (_gate)
        {
            var queued = _phases.Values.Count(p => p == BatchItemPhase.Queued);
            var running = _phases.Values.Count(p => p == BatchItemPhase.Running);
            var finished = _done + _failed;
            var seconds = Math.Max(0.001, _clock.Elapsed.TotalSeconds);
            var rate = finished / seconds;
            var left = total - alreadyFinished - finished;
            var eta = rate > 0 && left > 0 ? TimeSpan.FromSeconds(Math.Ceiling(left / rate)).ToString(@"hh\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture) : "--:--:--";
            return string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"submitted {_submitted}, queued {queued}, running {running}, done {_done + alreadyFinished}, failed {_failed} of {total} | {rate:0.0} jobs/s, ETA {eta}");
        }
    }
}
