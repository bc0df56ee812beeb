using System.Diagnostics;
using RunComfy.Client;
using RunComfy.Client.Polling;
using RunComfy.Client.Wire;
using RunComfy.Diagnostics;

namespace RunComfy;

public partial class RunComfyClient
{
    /// <summary>
    /// Submits a request, waits for it and returns its result: the whole lifecycle in one call, with
    /// progress reports, a whole-run timeout and cancellation.
    /// </summary>
    /// <param name="request">A generated request (or any <see cref="IRunComfyRequest"/>).</param>
    /// <param name="options">Progress, timeout, cancel-on-abort; null for the defaults.</param>
    /// <param name="cancellationToken">Stops the run; a still-queued request is then cancelled.</param>
    /// <returns>The result of the completed request.</returns>
    /// <exception cref="RequestValidationException">The request breaks its schema; nothing was sent.</exception>
    /// <exception cref="SubmitOutcomeUnknownException">The submit may have reached RunComfy but no usable answer came back.</exception>
    /// <exception cref="RunComfyJobFailedException">The request failed or was cancelled elsewhere.</exception>
    /// <exception cref="UnknownRequestStateException">The API kept reporting a status this client does not know.</exception>
    /// <exception cref="RunComfyTimeoutException"><see cref="RunOptions.Timeout"/> expired; carries the request id.</exception>
    /// <exception cref="RunComfyPollingFailedException"><see cref="RunOptions.MaxConsecutivePollFailures"/> polls in a row failed; carries the request id and the last error.</exception>
    /// <exception cref="RunComfyWaitInterruptedException">Something other than an API error (e.g. disposing the client) broke the wait off; carries the request id.</exception>
    /// <exception cref="RunComfyCanceledException">The token fired; carries the request id.</exception>
    /// <exception cref="RunComfyException">A definite error answer (e.g. 401, 402, 404001).</exception>
    public virtual async Task<RequestResult> RunAsync(IRunComfyRequest request, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        options ??= new RunOptions();
        CheckRunOptions(options);
        var modelId = request.ModelId;
        using var span = ClientSpans.Start(ClientSpans.Run, modelId, requestId: null);

        // The status, result and cancel calls of this run tag their metrics with its model (reverts when this method returns).
        RunModel.Set(modelId);
        try
        {
            return await RunCoreAsync(request, options, modelId, span, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ClientSpans.Fail(span, e))
        {
            throw;
        }
    }

    private async Task<RequestResult> RunCoreAsync(IRunComfyRequest request, RunOptions options, string modelId, Activity? span, CancellationToken cancellationToken)
    {
        using var run = new RunScope(options.Timeout, _settings.Time, cancellationToken);
        RequestHandle handle;
        try
        {
            handle = await SubmitAsync(request, run.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException e) when (run.Token.IsCancellationRequested)
        {
            // No request id: the abort came during the submit.
            var outcomeUnknown = e is RunComfyCanceledException { SubmitOutcomeUnknown: true };
            var message = outcomeUnknown
                ? "while the submit was in flight: a request may exist and be billed whose id never came back. Check the requests on your RunComfy account before submitting the same input again."
                : "before the submit was sent; no request was created.";
            ClientLog.WaitAborted(_logger, null, run.TimedOut ? "timeout during the submit" : "cancelled during the submit", null);
            throw run.TimedOut
                ? new RunComfyTimeoutException($"The run timed out after {options.Timeout} {message}", options.Timeout!.Value, e) { SubmitOutcomeUnknown = outcomeUnknown }
                : new RunComfyCanceledException($"The run was cancelled {message}", cancellationToken, e) { SubmitOutcomeUnknown = outcomeUnknown };
        }

        // Elapsed counts from the submit's answer (the job exists by then; status answers carry no creation time).
        // The first status is read at once, so the first report already has the state and queue position.
        var submitted = _settings.Time.GetTimestamp();
        ClientSpans.Tag(span, TelemetryTags.RequestId, handle.RequestId);
        return await WaitCoreAsync(handle.RequestId, options, submitted, run, RunComfyRequestState.InQueue, new WaitTelemetry(span, modelId, StartedAtSubmit: true), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Waits for a request submitted earlier (by this process, another one, or read from a journal) and
    /// returns its result. The first status is read at once.
    /// </summary>
    /// <param name="requestId">The request id.</param>
    /// <param name="options">Progress, timeout, cancel-on-abort; null for the defaults.</param>
    /// <param name="cancellationToken">Stops waiting; a still-queued request is then cancelled unless <see cref="RunOptions.CancelQueuedRequestOnAbort"/> is false.</param>
    /// <returns>The result of the completed request.</returns>
    /// <exception cref="RunComfyJobFailedException">The request failed or was cancelled.</exception>
    /// <exception cref="UnknownRequestStateException">The API kept reporting a status this client does not know.</exception>
    /// <exception cref="RunComfyTimeoutException"><see cref="RunOptions.Timeout"/> expired.</exception>
    /// <exception cref="RunComfyPollingFailedException"><see cref="RunOptions.MaxConsecutivePollFailures"/> polls in a row failed; carries the request id and the last error.</exception>
    /// <exception cref="RunComfyWaitInterruptedException">Something other than an API error (e.g. disposing the client) broke the wait off; carries the request id.</exception>
    /// <exception cref="RunComfyCanceledException">The token fired.</exception>
    /// <exception cref="RunComfyException">A definite error answer (e.g. 404001 for an unknown or expired id).</exception>
    public virtual async Task<RequestResult> WaitAsync(string requestId, RunOptions? options = null, CancellationToken cancellationToken = default)
    {
        RunComfyEndpoints.ValidateRequestId(requestId);
        options ??= new RunOptions();
        CheckRunOptions(options);
        using var span = ClientSpans.Start(ClientSpans.Wait, modelId: null, requestId);
        try
        {
            var started = _settings.Time.GetTimestamp();
            using var run = new RunScope(options.Timeout, _settings.Time, cancellationToken);
            return await WaitCoreAsync(requestId, options, started, run, lastState: null, new WaitTelemetry(span, ModelId: null, StartedAtSubmit: false), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (ClientSpans.Fail(span, e))
        {
            throw;
        }
    }

    /// <summary>What a wait reports to telemetry: its span, the model when known (a run's) and whether it began at the submit.</summary>
    private sealed record WaitTelemetry(Activity? Span, string? ModelId, bool StartedAtSubmit);

    private async Task<RequestResult> WaitCoreAsync(
        string requestId, RunOptions options, long started, RunScope run, RunComfyRequestState? lastState, WaitTelemetry telemetry, CancellationToken callerToken)
    {
        var queueRecorded = false;
        var includeCost = options.IncludeCost ?? _settings.IncludeCost;
        var token = run.Token;
        var polls = 0;
        var unknownInARow = 0;
        var failuresInARow = 0;
        var readResult = false;
        string? lastRaw = null;
        int? lastQueuePosition = null;
        TimeSpan? retryAfter = null;
        try
        {
            for (var first = true; ; first = false)
            {
                if (!first)
                {
                    // The server's Retry-After is honoured up to ServerDelay.Maximum, and no wait outlasts the run.
                    var remaining = run.Remaining;
                    var delay = ServerDelay.Within(
                        PollSchedule.Next(_settings.Time.GetElapsedTime(started), _settings.PollInterval, _settings.MaxPollInterval, ServerDelay.Clamp(retryAfter)),
                        remaining);
                    await Task.Delay(delay, _settings.Time, token).ConfigureAwait(false);
                    if (delay >= remaining)
                    {
                        // The wait ran to the run's end: the run ends here, whichever of this delay and the timeout's
                        // own timer fired first, so no poll goes out at the deadline.
                        run.Expire();
                    }
                }

                // Also when the submit or a slow call took the run's time: nothing is sent at or after the deadline.
                if (run.Remaining <= TimeSpan.Zero)
                {
                    run.Expire();
                }

                token.ThrowIfCancellationRequested();

                retryAfter = null;
                if (!readResult)
                {
                    RequestStatus status;
                    try
                    {
                        var statusCall = GetStatusAsync(requestId, token);
                        if (first && telemetry.StartedAtSubmit)
                        {
                            await ReportIdWhileFirstStatusIsSlowAsync(statusCall, requestId, options, started).ConfigureAwait(false);
                        }

                        status = await statusCall.ConfigureAwait(false);
                    }
                    catch (RunComfyException e) when (e.IsTransient)
                    {
                        // The retries of this poll are spent, but the job may be fine: poll again later, up to a bound.
                        retryAfter = e.RetryAfter;
                        await PollFailedAsync(e).ConfigureAwait(false);
                        continue;
                    }

                    polls++;
                    failuresInARow = 0;
                    retryAfter = status.RetryAfter;
                    lastRaw = status.RawStatus;
                    lastQueuePosition = status.QueuePosition;
                    Report(options, new RunProgress
                    {
                        RequestId = requestId,
                        State = status.State,
                        RawStatus = status.RawStatus,
                        QueuePosition = status.QueuePosition,
                        Elapsed = _settings.Time.GetElapsedTime(started),
                        Polls = polls,
                    });
                    if (status.State == RunComfyRequestState.Unknown)
                    {
                        CountUnknown(requestId, status.RawStatus, ref unknownInARow, options.UnknownStatusLimit);
                        continue;
                    }

                    unknownInARow = 0;
                    lastState = status.State;
                    if (!queueRecorded && status.State != RunComfyRequestState.InQueue)
                    {
                        // Queue time is known only when this run saw the job from its submit.
                        queueRecorded = true;
                        if (telemetry.StartedAtSubmit)
                        {
                            ClientMetrics.RecordQueue(telemetry.ModelId, _settings.Time.GetElapsedTime(started));
                        }
                    }

                    if (!status.State.IsTerminal())
                    {
                        continue;
                    }

                    readResult = true;
                }

                RequestResult result;
                try
                {
                    result = await GetResultAsync(requestId, includeCost, token).ConfigureAwait(false);
                }
                catch (RunComfyException e) when (e.IsTransient)
                {
                    retryAfter = e.RetryAfter;
                    await PollFailedAsync(e).ConfigureAwait(false);
                    continue;
                }

                failuresInARow = 0;
                if (!result.State.IsTerminal())
                {
                    // Not ready after all (400005, or a result lagging the status): back to polling the status.
                    if (result.State == RunComfyRequestState.Unknown)
                    {
                        CountUnknown(requestId, result.RawStatus, ref unknownInARow, options.UnknownStatusLimit);
                    }

                    readResult = false;
                    continue;
                }

                ClientLog.Finished(_logger, requestId, result.State);
                lastState = result.State;
                Ended(result.State, result.Duration ?? (telemetry.StartedAtSubmit ? _settings.Time.GetElapsedTime(started) : null));
                return result.State == RunComfyRequestState.Completed ? result : throw new RunComfyJobFailedException(result);
            }
        }
        catch (OperationCanceledException e) when (token.IsCancellationRequested)
        {
            var timedOut = run.TimedOut;
            ClientLog.WaitAborted(_logger, requestId, timedOut ? "timeout" : "cancelled", lastState);
            var (cancelAttempted, outcome) = await CancelOnAbortAsync(requestId, options, lastState).ConfigureAwait(false);
            CancelledOnAbort(outcome);
            var message = (timedOut ? $"Waiting for request '{requestId}' timed out after {options.Timeout}" : $"Waiting for request '{requestId}' was cancelled")
                          + AbortOutcome(requestId, lastState, cancelAttempted, outcome);
            throw timedOut
                ? new RunComfyTimeoutException(message, options.Timeout!.Value, e) { RequestId = requestId, LastState = lastState, CancelOutcome = outcome }
                : new RunComfyCanceledException(message, callerToken, e) { RequestId = requestId, LastState = lastState, CancelOutcome = outcome };
        }
        catch (Exception e) when (e is not RunComfyException)
        {
            // Not an API answer (e.g. the client was disposed): the request exists, so its id must reach the caller.
            ClientLog.WaitInterrupted(_logger, e, requestId, e.GetType().Name);
            var (cancelAttempted, outcome) = await CancelOnAbortAsync(requestId, options, lastState).ConfigureAwait(false);
            CancelledOnAbort(outcome);
            throw new RunComfyWaitInterruptedException(
                $"Waiting for request '{requestId}' was broken off by {e.GetType().Name}: {e.Message}" + AbortOutcome(requestId, lastState, cancelAttempted, outcome),
                requestId,
                e)
            {
                LastState = lastState,
                CancelOutcome = outcome,
            };
        }
        finally
        {
            ClientSpans.Tag(telemetry.Span, TelemetryTags.Polls, polls);
            if (lastState is { } state)
            {
                ClientSpans.TagState(telemetry.Span, state, null);
            }
        }

        void Ended(RunComfyRequestState state, TimeSpan? duration)
        {
            if (ClientMetrics.ForFinalState(state) is { } counter)
            {
                ClientMetrics.Add(counter, telemetry.ModelId);
            }

            if (duration is { } took)
            {
                ClientMetrics.RecordRun(telemetry.ModelId, state, took);
            }
        }

        void CancelledOnAbort(CancelOutcome? outcome)
        {
            if (outcome is { } known)
            {
                ClientSpans.Tag(telemetry.Span, TelemetryTags.CancelOutcome, ClientSpans.OutcomeName(known));
            }

            if (outcome == CancelOutcome.Cancelled)
            {
                ClientMetrics.Add(ClientMetrics.JobsCancelled, telemetry.ModelId);
            }
        }

        async Task PollFailedAsync(RunComfyException error)
        {
            failuresInARow++;
            ClientLog.PollFailed(_logger, requestId, failuresInARow, options.MaxConsecutivePollFailures, error.Message);
            Report(options, new RunProgress
            {
                RequestId = requestId,
                State = lastState ?? RunComfyRequestState.Unknown,
                RawStatus = lastRaw,
                QueuePosition = lastQueuePosition,
                Elapsed = _settings.Time.GetElapsedTime(started),
                Polls = polls,
                ConsecutiveFailures = failuresInARow,
                LastError = error,
            });
            if (failuresInARow < options.MaxConsecutivePollFailures)
            {
                return;
            }

            ClientLog.PollingGaveUp(_logger, requestId, failuresInARow);
            var (cancelAttempted, outcome) = await CancelOnAbortAsync(requestId, options, lastState).ConfigureAwait(false);
            CancelledOnAbort(outcome);
            throw new RunComfyPollingFailedException(
                $"Gave up waiting for request '{requestId}' after {failuresInARow} failed status or result calls in a row "
                + $"(the last: {error.Message}). The request itself may be fine and still running, and is billed if it completes"
                + AbortOutcome(requestId, lastState, cancelAttempted, outcome),
                requestId,
                failuresInARow,
                error)
            {
                LastState = lastState,
                CancelOutcome = outcome,
            };
        }
    }

    /// <summary>
    /// A run's first status is read at once after the submit, so that the first report has the queue position. When
    /// that read is slow (its retries, a server that hangs), the request id must not wait for it: the caller may be
    /// storing it to survive a crash. After <see cref="RunComfyClientOptions.PollInterval"/> (when the first report
    /// came before the status was read at once) a report with the id, <see cref="RunComfyRequestState.InQueue"/> and
    /// no position is sent, and the status read goes on.
    /// </summary>
    private async Task ReportIdWhileFirstStatusIsSlowAsync(Task statusCall, string requestId, RunOptions options, long started)
    {
        if (statusCall.IsCompleted || options.Progress is null)
        {
            return;
        }

        // A timer on the client's clock that only signals; it never delays the status read.
        using var grace = new CancellationTokenSource(_settings.PollInterval, _settings.Time);
        var elapsed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var registration = grace.Token.Register(static state => ((TaskCompletionSource)state!).TrySetResult(), elapsed);
        if (await Task.WhenAny(statusCall, elapsed.Task).ConfigureAwait(false) != statusCall)
        {
            Report(options, new RunProgress
            {
                RequestId = requestId,
                State = RunComfyRequestState.InQueue,
                Elapsed = _settings.Time.GetElapsedTime(started),
                Polls = 0,
            });
        }
    }

    /// <summary>On the way out of an aborted wait: cancels the request if allowed and it was (or may still be) queued.</summary>
    private async Task<(bool Attempted, CancelOutcome? Outcome)> CancelOnAbortAsync(string requestId, RunOptions options, RunComfyRequestState? lastState)
    {
        var attempt = options.CancelQueuedRequestOnAbort && lastState is null or RunComfyRequestState.InQueue;
        return (attempt, attempt ? await TryCancelOnAbortAsync(requestId, options.CancelTimeout).ConfigureAwait(false) : null);
    }

    private void CountUnknown(string requestId, string? rawStatus, ref int unknownInARow, int limit)
    {
        unknownInARow++;
        ClientLog.UnknownStatus(_logger, requestId, _transport.ForMessage(rawStatus), unknownInARow);
        if (unknownInARow > limit)
        {
            throw new UnknownRequestStateException(requestId, rawStatus, unknownInARow);
        }
    }

    /// <summary>Cancels a request on the way out of an aborted wait, within a bounded time, never throwing.</summary>
    private async Task<CancelOutcome?> TryCancelOnAbortAsync(string requestId, TimeSpan timeout)
    {
        using var bounded = new CancellationTokenSource(timeout, _settings.Time);
        try
        {
            return (await CancelAsync(requestId, bounded.Token).ConfigureAwait(false)).Outcome;
        }
        catch (Exception e)
        {
            // Anything (a disposed client included): the caller must still get the exception that carries the id.
            ClientLog.CancelOnAbortFailed(_logger, requestId, e is OperationCanceledException ? $"no answer within {timeout}" : e.Message);
            return null;
        }
    }

    private static string AbortOutcome(string requestId, RunComfyRequestState? lastState, bool cancelAttempted, CancelOutcome? outcome) => outcome switch
    {
        CancelOutcome.Cancelled => "; it was still queued and has been cancelled (nothing is billed).",
        CancelOutcome.CancellationRequested => $"; it was still queued and a cancel was requested: check it with GetStatusAsync(\"{requestId}\").",
        CancelOutcome.NotCancellable => $"; it is already running and cannot be cancelled: resume with WaitAsync(\"{requestId}\").",
        _ when cancelAttempted => $"; the cancel sent on the way out got no clear answer, so it may still run: resume with WaitAsync(\"{requestId}\") or retry CancelAsync(\"{requestId}\").",
        _ when lastState == RunComfyRequestState.InProgress => $"; it is running: resume with WaitAsync(\"{requestId}\").",
        _ => $"; it was left as it was: resume with WaitAsync(\"{requestId}\").",
    };

    /// <summary>Sends a progress report; the caller's callback can never break the wait (or lose the request id).</summary>
    private void Report(RunOptions options, RunProgress progress)
    {
        // The callback is the caller's code: the calls it makes are not the run's, so they must not carry its model.
        var model = RunModel.Suspend();
        try
        {
            options.Progress?.Report(progress);
        }
        catch (Exception e)
        {
            ClientLog.ProgressFailed(_logger, progress.RequestId, $"{e.GetType().Name}: {e.Message}");
        }
        finally
        {
            RunModel.Restore(model);
        }
    }

    private static void CheckRunOptions(RunOptions options)
    {
        if (options.Timeout is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(options), timeout, "RunOptions.Timeout must be positive (or null for none).");
        }

        if (options.CancelTimeout <= TimeSpan.Zero || options.UnknownStatusLimit < 0 || options.MaxConsecutivePollFailures < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "RunOptions.CancelTimeout must be positive, UnknownStatusLimit not negative and MaxConsecutivePollFailures at least 1.");
        }
    }
}
