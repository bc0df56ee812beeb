using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using RunComfy.Diagnostics;

namespace RunComfy.Batch;

/// <summary>
/// Runs one batch: submits inputs (at most <see cref="BatchOptions.MaxJobsInFlight"/> unfinished, at the submit
/// rate), and one loop polls every job within one status budget, always the job most overdue first. Outcomes go
/// to a channel as they are known. A job's failure ends that job only; a 429 or Retry-After pauses everything.
/// </summary>
internal sealed class BatchScheduler : IDisposable
{
    private static readonly TimeSpan LoopTick = TimeSpan.FromMilliseconds(20);

    private readonly RunComfyClient _client;
    private readonly BatchOptions _options;
    private readonly bool _includeCost;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly long _started;
    private readonly PollPlanner _planner;
    private readonly SharedBackoff _backoff;
    private readonly TokenBucketRateLimiter _statusBudget;
    private readonly TokenBucketRateLimiter _submitBudget;
    private readonly SemaphoreSlim _slots;
    private readonly object _gate = new();
    private readonly PriorityQueue<TrackedJob, TimeSpan> _due = new();
    private readonly ConcurrentDictionary<long, TrackedJob> _live = new();
    private readonly ConcurrentDictionary<long, BatchInput> _submitting = new();
    private readonly ConcurrentDictionary<long, BatchItemResult> _inDoubt = new();
    private readonly ChannelWriter<BatchItemResult> _output;
    private readonly CancellationTokenSource _submitStop = new();
    private int _unfinished;
    private int _operations;
    private volatile bool _inputDone;

    public BatchScheduler(RunComfyClient client, BatchOptions options, TimeSpan minimumPoll, bool includeCost, TimeProvider time, ILogger logger, ChannelWriter<BatchItemResult> output)
    {
        _client = client;
        _options = options;
        _includeCost = includeCost;
        _time = time;
        _logger = logger;
        _output = output;
        _started = time.GetTimestamp();
        _planner = new PollPlanner(minimumPoll, options.MaxPollInterval < minimumPoll ? minimumPoll : options.MaxPollInterval);
        _backoff = new SharedBackoff(time, options.MaxBackoff);
        _statusBudget = CallBudget.Create(options.MaxStatusCallsPerSecond);
        _submitBudget = CallBudget.Create(options.MaxSubmitsPerSecond);
        _slots = new SemaphoreSlim(options.MaxJobsInFlight, options.MaxJobsInFlight);
    }

    public static void Check(BatchOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.MaxJobsInFlight < 1 || !(options.MaxStatusCallsPerSecond > 0) || !(options.MaxSubmitsPerSecond > 0)
            || options.MaxConsecutivePollFailures < 1 || options.UnknownStatusLimit < 0
            || options.MaxPollInterval <= TimeSpan.Zero || options.MinPollInterval < TimeSpan.Zero
            || options.DefaultBackoff < TimeSpan.Zero || options.MaxBackoff < TimeSpan.Zero || options.CancelTimeout <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(
                nameof(options),
                "BatchOptions: MaxJobsInFlight, MaxConsecutivePollFailures, MaxStatusCallsPerSecond, MaxSubmitsPerSecond, MaxPollInterval and CancelTimeout must be positive; "
                + "UnknownStatusLimit, MinPollInterval, DefaultBackoff and MaxBackoff must not be negative.");
        }
    }

    private TimeSpan Now => _time.GetElapsedTime(_started);

    /// <summary>
    /// Runs the batch to its end and completes the channel. Returns what the reader must throw once it has read
    /// every outcome: the input's own exception, a <see cref="BatchCanceledException"/>, or null.
    /// </summary>
    public async Task<Exception?> RunAsync(IAsyncEnumerable<BatchInput> inputs, CancellationToken cancellationToken)
    {
        // A submit already on the wire is let finish (within CancelTimeout) when the batch is cancelled, so its id
        // comes back and the job can be cancelled, instead of leaving a job that may exist without an id.
        using var submitGrace = cancellationToken.Register(() => _submitStop.CancelAfter(_options.CancelTimeout));
        Exception? inputError = null;
        var poller = PollLoopAsync(cancellationToken);
        try
        {
            try
            {
                await ProduceAsync(inputs, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                // The input itself broke: submit nothing more, but finish and report every job already started.
                inputError = e;
            }

            _inputDone = true;
            await poller.ConfigureAwait(false);
            await WhenIdleAsync().ConfigureAwait(false);
            _output.TryComplete();
            return inputError;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            _inputDone = true;
            await WhenIdleAsync().ConfigureAwait(false);
            try
            {
                await poller.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // The poll loop stops on the same token.
            }

            var unfinished = await AbortAsync(cancellationToken).ConfigureAwait(false);
            _output.TryComplete();
            return new BatchCanceledException(
                $"The batch was cancelled with {unfinished.Count} item(s) unfinished; every job still queued was "
                + (_options.CancelQueuedJobsOnAbort ? "cancelled on the server where it answered. " : "left as it was. ")
                + "See Unfinished for their request ids.",
                unfinished,
                cancellationToken);
        }
        catch (Exception e)
        {
            _output.TryComplete();
            return e;
        }
    }

    private async Task ProduceAsync(IAsyncEnumerable<BatchInput> inputs, CancellationToken cancellationToken)
    {
        await foreach (var input in inputs.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
            Interlocked.Increment(ref _unfinished);
            if (input.RequestId is { } requestId)
            {
                Track(new TrackedJob(input.Index, input.Request?.ModelId, requestId, Now), TimeSpan.Zero);
                continue;
            }

            if (input.Request is null)
            {
                Finish(input.Index, null, input.Request?.ModelId, BatchItemOutcome.Rejected, null, new ArgumentException($"Batch input {input.Index} has neither a request nor a request id."));
                continue;
            }

            _submitting[input.Index] = input;
            Start(() => SubmitAsync(input, cancellationToken));
        }
    }

    private async Task SubmitAsync(BatchInput input, CancellationToken cancellationToken)
    {
        var request = input.Request!;
        var modelId = request.ModelId;
        for (var attempt = 1; ; attempt++)
        {
            RequestHandle handle;
            try
            {
                await _backoff.WaitAsync(cancellationToken).ConfigureAwait(false);
                using (await _submitBudget.AcquireAsync(1, cancellationToken).ConfigureAwait(false))
                {
                }

                // Past this point the submit is sent even if the batch is cancelled meanwhile: its id is then known.
                cancellationToken.ThrowIfCancellationRequested();
                if (_options.BeforeSubmitAsync is { } before)
                {
                    try
                    {
                        await before(input, CancellationToken.None).ConfigureAwait(false);
                    }
                    catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
                    {
                        // Nothing was sent.
                        _submitting.TryRemove(input.Index, out _);
                        Finish(input.Index, null, modelId, BatchItemOutcome.Rejected, null, e);
                        return;
                    }
                }

                Report(new BatchItemProgress { Index = input.Index, Phase = BatchItemPhase.Submitting });
                handle = await _client.SubmitAsync(request, _submitStop.Token).ConfigureAwait(false);
            }
            catch (RunComfyCanceledException e) when (e.SubmitOutcomeUnknown)
            {
                // Cancelled mid-send: the job may exist. Never resent; reported among the unfinished.
                _submitting.TryRemove(input.Index, out _);
                _inDoubt[input.Index] = new BatchItemResult { Index = input.Index, ModelId = modelId, Outcome = BatchItemOutcome.SubmitOutcomeUnknown, Error = e };
                return;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested || _submitStop.IsCancellationRequested)
            {
                // Cancelled before anything was sent.
                _submitting.TryRemove(input.Index, out _);
                return;
            }
            catch (SubmitOutcomeUnknownException e)
            {
                _submitting.TryRemove(input.Index, out _);
                Finish(input.Index, null, modelId, BatchItemOutcome.SubmitOutcomeUnknown, null, e);
                return;
            }
            catch (RunComfyException e) when (e.Status is 429 && attempt < _options.MaxConsecutivePollFailures)
            {
                // A 429 is a definite refusal (nothing was created), so sending again is safe; the whole batch slows down.
                _backoff.Pause(e.RetryAfter ?? _options.DefaultBackoff);
                continue;
            }
            catch (Exception e)
            {
                // Validation errors, definite refusals, a broken request object: this item only.
                _submitting.TryRemove(input.Index, out _);
                Finish(input.Index, null, modelId, BatchItemOutcome.Rejected, null, e);
                return;
            }

            var job = new TrackedJob(input.Index, modelId, handle.RequestId, Now) { SubmittedHere = true };
            _live[input.Index] = job;
            _submitting.TryRemove(input.Index, out _);
            Report(new BatchItemProgress { Index = input.Index, Phase = BatchItemPhase.Queued, RequestId = handle.RequestId });
            if (_options.AfterSubmitAsync is { } after)
            {
                try
                {
                    await after(input, handle, CancellationToken.None).ConfigureAwait(false);
                }
                catch (Exception e)
                {
                    BatchLog.HookFailed(_logger, input.Index, handle.RequestId, e.Message);
                }
            }

            Track(job, _planner.Minimum);
            return;
        }
    }

    private void Track(TrackedJob job, TimeSpan delay)
    {
        _live[job.Index] = job;
        lock (_gate) _due.Enqueue(job, Now + delay);
    }

    private void Reschedule(TrackedJob job, TimeSpan delay)
    {
        lock (_gate) _due.Enqueue(job, Now + delay);
    }

    private async Task PollLoopAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            TrackedJob? next = null;
            TimeSpan wait;
            lock (_gate)
            {
                if (_inputDone && Volatile.Read(ref _unfinished) == 0) return;
                wait = _due.TryPeek(out _, out var due) ? due - Now : LoopTick;
            }

            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait < LoopTick ? wait : LoopTick, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            await _backoff.WaitAsync(cancellationToken).ConfigureAwait(false);
            var lease = await _statusBudget.AcquireAsync(1, cancellationToken).ConfigureAwait(false);
            lease.Dispose();
            lock (_gate)
            {
                // The most overdue job gets the call (it may be another one than before the wait).
                _due.TryDequeue(out next, out _);
            }

            if (next is not null)
            {
                var job = next;
                Start(() => PollAsync(job, cancellationToken));
            }
        }
    }

    private async Task PollAsync(TrackedJob job, CancellationToken cancellationToken)
    {
        // The status and result calls of this job tag their metrics with its model (reverts when this method returns).
        RunModel.Set(job.ModelId);
        try
        {
            if (job.ReadResult)
            {
                await ReadResultAsync(job, cancellationToken).ConfigureAwait(false);
                return;
            }

            var status = await _client.ReadStatusOnceAsync(job.RequestId, cancellationToken).ConfigureAwait(false);
            job.FailuresInARow = 0;
            if (status.RetryAfter is { } retryAfter) _backoff.Pause(retryAfter);
            switch (status.State)
            {
                case RunComfyRequestState.Unknown:
                    if (++job.UnknownInARow > _options.UnknownStatusLimit)
                    {
                        Finish(job, BatchItemOutcome.WaitFailed, null, new UnknownRequestStateException(job.RequestId, status.RawStatus, job.UnknownInARow));
                        return;
                    }

                    Reschedule(job, _planner.Running(Now - job.SubmittedAt));
                    return;
                case RunComfyRequestState.InQueue:
                    job.UnknownInARow = 0;
                    var now = Now;
                    if (job.QueuePosition is { } earlier && status.QueuePosition is { } position) _planner.ObserveQueue(earlier, job.QueuePositionAt, position, now);
                    job.QueuePosition = status.QueuePosition;
                    job.QueuePositionAt = now;
                    Phase(job, BatchItemPhase.Queued, status.QueuePosition);
                    Reschedule(job, _planner.Queued(status.QueuePosition));
                    return;
                case RunComfyRequestState.InProgress:
                    job.UnknownInARow = 0;
                    LeftQueue(job);
                    Phase(job, BatchItemPhase.Running, null);
                    Reschedule(job, _planner.Running(Now - job.SubmittedAt));
                    return;
                default:
                    job.UnknownInARow = 0;
                    LeftQueue(job);
                    job.ReadResult = true;
                    await ReadResultAsync(job, cancellationToken).ConfigureAwait(false);
                    return;
            }
        }
        catch (RunComfyException e) when (e.IsTransient)
        {
            PollFailed(job, e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The batch is being cancelled: the job stays live for the abort.
        }
        catch (Exception e)
        {
            // A definite answer (e.g. 404001 for an expired id) or a bug: this job only.
            Finish(job, BatchItemOutcome.WaitFailed, null, e);
        }
    }

    private async Task ReadResultAsync(TrackedJob job, CancellationToken cancellationToken)
    {
        var result = await _client.GetResultAsync(job.RequestId, _includeCost, cancellationToken).ConfigureAwait(false);
        job.FailuresInARow = 0;
        if (!result.State.IsTerminal())
        {
            // Not ready after all (a result lagging the status): back to polling the status.
            job.ReadResult = false;
            Reschedule(job, _planner.Minimum);
            return;
        }

        if (ClientMetrics.ForFinalState(result.State) is { } counter)
        {
            ClientMetrics.Add(counter, job.ModelId);
        }

        if ((result.Duration ?? (job.SubmittedHere ? Now - job.SubmittedAt : (TimeSpan?)null)) is { } took)
        {
            ClientMetrics.RecordRun(job.ModelId, result.State, took);
        }
        if (result.State == RunComfyRequestState.Completed)
        {
            Finish(job, BatchItemOutcome.Completed, result, null);
        }
        else
        {
            Finish(job, BatchItemOutcome.JobFailed, result, new RunComfyJobFailedException(result));
        }
    }

    private void PollFailed(TrackedJob job, RunComfyException error)
    {
        if (error.Status is 429 or 503 || error.RetryAfter is not null) _backoff.Pause(error.RetryAfter ?? _options.DefaultBackoff);
        job.FailuresInARow++;
        BatchLog.PollFailed(_logger, job.Index, job.RequestId, job.FailuresInARow, error.Message);
        if (job.FailuresInARow < _options.MaxConsecutivePollFailures)
        {
            Reschedule(job, _planner.AfterFailure(error.RetryAfter));
            return;
        }

        Finish(job, BatchItemOutcome.WaitFailed, null, new RunComfyPollingFailedException(
            $"Gave up waiting for request '{job.RequestId}' after {job.FailuresInARow} failed status or result calls in a row (the last: {error.Message}). "
            + $"The request itself may be fine and still running, and is billed if it completes: resume with WaitAsync(\"{job.RequestId}\").",
            job.RequestId,
            job.FailuresInARow,
            error));
    }

    /// <summary>Records the queue time once, when a status first shows the job out of the queue.</summary>
    private void LeftQueue(TrackedJob job)
    {
        if (job.SubmittedHere && !job.QueueTimeRecorded)
        {
            job.QueueTimeRecorded = true;
            ClientMetrics.RecordQueue(job.ModelId, Now - job.SubmittedAt);
        }
    }

    private void Phase(TrackedJob job, BatchItemPhase phase, int? position)
    {
        var changed = job.Phase != phase;
        job.Phase = phase;
        if (changed) Report(new BatchItemProgress { Index = job.Index, Phase = phase, RequestId = job.RequestId, QueuePosition = position });
    }

    private void Finish(TrackedJob job, BatchItemOutcome outcome, RequestResult? result, Exception? error)
    {
        _live.TryRemove(job.Index, out _);
        Finish(job.Index, job.RequestId, job.ModelId ?? result?.ModelId, outcome, result, error);
    }

    private void Finish(long index, string? requestId, string? modelId, BatchItemOutcome outcome, RequestResult? result, Exception? error)
    {
        _output.TryWrite(new BatchItemResult { Index = index, Outcome = outcome, RequestId = requestId, ModelId = modelId, Result = result, Error = error });
        Report(new BatchItemProgress { Index = index, Phase = BatchItemPhase.Finished, RequestId = requestId, Outcome = outcome });
        Interlocked.Decrement(ref _unfinished);
        _slots.Release();
    }

    /// <summary>After a cancel: cancels on the server every job that may still be queued (bounded in time) and lists every unfinished item.</summary>
    private async Task<IReadOnlyList<BatchItemResult>> AbortAsync(CancellationToken cancellationToken)
    {
        var jobs = _live.Values.OrderBy(j => j.Index).ToList();
        var outcomes = new ConcurrentDictionary<long, CancelOutcome?>();
        if (_options.CancelQueuedJobsOnAbort)
        {
            using var bounded = new CancellationTokenSource(_options.CancelTimeout, _time);
            try
            {
                await Parallel.ForEachAsync(
                    jobs.Where(j => j.MayBeQueued),
                    new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = bounded.Token },
                    async (job, token) =>
                    {
                        try
                        {
                            RunModel.Set(job.ModelId);
                            var outcome = (await _client.CancelAsync(job.RequestId, token).ConfigureAwait(false)).Outcome;
                            outcomes[job.Index] = outcome;
                            if (outcome == CancelOutcome.Cancelled)
                            {
                                ClientMetrics.Add(ClientMetrics.JobsCancelled, job.ModelId);
                            }
                        }
                        catch (Exception e) when (e is RunComfyException or OperationCanceledException)
                        {
                            BatchLog.CancelFailed(_logger, job.Index, job.RequestId, e.Message);
                        }
                    }).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // CancelTimeout passed: the jobs not cancelled are listed as possibly running.
            }
        }

        var unfinished = new List<BatchItemResult>();
        foreach (var job in jobs)
        {
            var outcome = outcomes.TryGetValue(job.Index, out var o) ? o : null;
            var what = outcome switch
            {
                CancelOutcome.Cancelled => "it was queued and has been cancelled (nothing is billed)",
                CancelOutcome.CancellationRequested => "it was queued and a cancel was requested",
                CancelOutcome.NotCancellable => $"it is running and runs on: resume with WaitAsync(\"{job.RequestId}\")",
                _ => $"it was left as it was and may still run: resume with WaitAsync(\"{job.RequestId}\")",
            };
            unfinished.Add(new BatchItemResult
            {
                Index = job.Index,
                RequestId = job.RequestId,
                ModelId = job.ModelId,
                Outcome = BatchItemOutcome.WaitFailed,
                Error = new RunComfyCanceledException($"The batch was cancelled while request '{job.RequestId}' was unfinished; {what}.", cancellationToken)
                {
                    RequestId = job.RequestId,
                    LastState = job.Phase switch { BatchItemPhase.Queued => RunComfyRequestState.InQueue, BatchItemPhase.Running => RunComfyRequestState.InProgress, _ => null },
                    CancelOutcome = outcome,
                },
            });
        }

        unfinished.AddRange(_inDoubt.Values);
        unfinished.Sort((a, b) => a.Index.CompareTo(b.Index));
        return unfinished;
    }

    /// <summary>Runs a submit or a poll without awaiting it, counted so the batch can wait for all of them.</summary>
    private void Start(Func<Task> operation)
    {
        Interlocked.Increment(ref _operations);
        _ = RunCounted(operation);

        async Task RunCounted(Func<Task> op)
        {
            try
            {
                await op().ConfigureAwait(false);
            }
            catch (Exception e)
            {
                // Each operation reports its own outcome; anything escaping is a bug, logged rather than lost.
                BatchLog.OperationFailed(_logger, e.GetType().Name, e.Message);
            }
            finally
            {
                Interlocked.Decrement(ref _operations);
            }
        }
    }

    private async Task WhenIdleAsync()
    {
        // Each operation is bounded (request timeouts, a cancelled token), so this ends.
        while (Volatile.Read(ref _operations) > 0)
        {
            await Task.Delay(LoopTick, _time).ConfigureAwait(false);
        }
    }

    private void Report(BatchItemProgress progress)
    {
        // The callback is the caller's code: the calls it makes are not this job's, so they must not carry its model.
        var model = RunModel.Suspend();
        try
        {
            _options.Progress?.Report(progress);
        }
        catch (Exception e)
        {
            BatchLog.ProgressFailed(_logger, progress.Index, e.Message);
        }
        finally
        {
            RunModel.Restore(model);
        }
    }

    public void Dispose()
    {
        _statusBudget.Dispose();
        _submitBudget.Dispose();
        _slots.Dispose();
        _submitStop.Dispose();
    }
}
