using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using System.Threading.Channels;
using RunComfy.Batch;
using RunComfy.Client;
using RunComfy.Client.Transport;
using RunComfy.Client.Wire;
using RunComfy.Diagnostics;

namespace RunComfy;

public partial class RunComfyClient
{
    /// <summary>
    /// Runs many requests (models may differ) under one scheduler and yields each outcome as soon as it is known,
    /// in completion order. At most <see cref="BatchOptions.MaxJobsInFlight"/> jobs are unfinished at once; one loop
    /// polls them all within <see cref="BatchOptions.MaxStatusCallsPerSecond"/>, following the queue position and
    /// elapsed time; a 429 or <c>Retry-After</c> pauses the whole batch. Each submit goes through
    /// <see cref="SubmitAsync"/>, so a submit that may have reached the server is never sent again: it is reported
    /// as <see cref="BatchItemOutcome.SubmitOutcomeUnknown"/>. One item's failure never stops the others.
    /// </summary>
    /// <param name="requests">The requests; read lazily, one more each time a slot frees. Item indexes are positions in this sequence.</param>
    /// <param name="options">Pacing and hooks; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the batch: no more submits (one already being sent is let finish within <see cref="BatchOptions.CancelTimeout"/>, so its id is known), every job still queued is cancelled on the server, and a <see cref="BatchCanceledException"/> lists what was unfinished.</param>
    /// <returns>One <see cref="BatchItemResult"/> per request.</returns>
    public virtual IAsyncEnumerable<BatchItemResult> RunBatchAsync(IEnumerable<IRunComfyRequest> requests, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return RunBatchAsync(Inputs(requests), options, cancellationToken);

        static async IAsyncEnumerable<BatchInput> Inputs(IEnumerable<IRunComfyRequest> requests)
        {
            long index = 0;
            foreach (var request in requests)
            {
                yield return BatchInput.Submit(index++, request);
            }

            await Task.CompletedTask.ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="RunBatchAsync(IEnumerable{IRunComfyRequest}, BatchOptions?, CancellationToken)"/>
    public virtual IAsyncEnumerable<BatchItemResult> RunBatchAsync(IAsyncEnumerable<IRunComfyRequest> requests, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        return RunBatchAsync(Inputs(requests, cancellationToken), options, cancellationToken);

        static async IAsyncEnumerable<BatchInput> Inputs(IAsyncEnumerable<IRunComfyRequest> requests, [EnumeratorCancellation] CancellationToken cancellationToken)
        {
            long index = 0;
            await foreach (var request in requests.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                yield return BatchInput.Submit(index++, request);
            }
        }
    }

    /// <summary>
    /// Runs a batch of inputs that each submit a request or resume waiting for a job submitted earlier
    /// (<see cref="BatchInput.Resume"/>), e.g. to continue a batch after a crash without submitting anything twice.
    /// </summary>
    /// <param name="inputs">The inputs, with their own indexes.</param>
    /// <param name="options">Pacing and hooks; null for the defaults.</param>
    /// <param name="cancellationToken">Cancels the batch (see the other overloads).</param>
    /// <returns>One <see cref="BatchItemResult"/> per input.</returns>
    public virtual IAsyncEnumerable<BatchItemResult> RunBatchAsync(IAsyncEnumerable<BatchInput> inputs, BatchOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        options ??= new BatchOptions();
        BatchScheduler.Check(options);
        return RunBatchCoreAsync(inputs, options, cancellationToken);
    }

    private async IAsyncEnumerable<BatchItemResult> RunBatchCoreAsync(IAsyncEnumerable<BatchInput> inputs, BatchOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<BatchItemResult>(new UnboundedChannelOptions { SingleReader = true });
        var time = _settings?.Time ?? TimeProvider.System;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var scheduler = new BatchScheduler(
            this,
            options,
            options.MinPollInterval ?? _settings?.PollInterval ?? TimeSpan.FromSeconds(1),
            options.IncludeCost ?? _settings?.IncludeCost ?? false,
            time,
            _logger,
            channel.Writer);

        // One span for the batch; the scheduler's tasks start under it, so every submit, poll, result and cancel is its child.
        using var span = ClientSpans.Start(ClientSpans.RunBatch, modelId: null, requestId: null);
        var run = Task.Run(() => scheduler.RunAsync(inputs, stop.Token), CancellationToken.None);
        var yielded = 0;
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(CancellationToken.None).ConfigureAwait(false))
            {
                yielded++;
                yield return item;
            }
        }
        finally
        {
            // The caller stopped reading early: that cancels the batch like the token would (a no-op once it ended).
            if (!run.IsCompleted)
            {
                await stop.CancelAsync().ConfigureAwait(false);
            }

            // The scheduler returns its error rather than throwing, so this wait never hides another exception.
            await run.ConfigureAwait(false);
            ClientSpans.Tag(span, TelemetryTags.BatchItems, yielded);
        }

        if (await run.ConfigureAwait(false) is { } error)
        {
            ClientSpans.Fail(span, error);
            ExceptionDispatchInfo.Throw(error);
        }
    }

    /// <summary>
    /// One status call with no retry: the batch scheduler spends its own budget on each call and retries later
    /// itself, so no call escapes the cap. A client made for mocking falls back to <see cref="GetStatusAsync"/>.
    /// </summary>
    internal async Task<RequestStatus> ReadStatusOnceAsync(string requestId, CancellationToken cancellationToken)
    {
        if (_transport is null)
        {
            return await GetStatusAsync(requestId, cancellationToken).ConfigureAwait(false);
        }

        RunComfyEndpoints.ValidateRequestId(requestId);
        var modelId = RunModel.ModelId;
        using var span = ClientSpans.Start(ClientSpans.GetStatus, modelId, requestId);
        var uri = _endpoints.Status(requestId);
        WireAnswer? answer = null;
        try
        {
            try
            {
                answer = await _transport.SendAsync(HttpMethod.Get, uri, body: null, cancellationToken).ConfigureAwait(false);
            }
            catch (TransportException e)
            {
                throw _errors.FromTransport(e, "status", requestId);
            }
            finally
            {
                ClientSpans.TagHttp(span, HttpMethod.Get, uri, answer?.Status, retries: 0);
                ClientMetrics.Add(ClientMetrics.StatusCalls, modelId);
            }

            return StatusFrom(answer, requestId, span);
        }
        catch (Exception e) when (ClientSpans.Fail(span, e))
        {
            throw;
        }
    }
}
