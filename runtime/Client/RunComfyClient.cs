using System.Diagnostics;
using System.Net.Http;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using RunComfy.Client;
using RunComfy.Client.Errors;
using RunComfy.Client.Retries;
using RunComfy.Client.Transport;
using RunComfy.Client.Wire;
using RunComfy.Diagnostics;

namespace RunComfy;

/// <summary>
/// The RunComfy Model API client: submit a request, follow it, read its result, cancel it, or do it all
/// in one call with <see cref="RunAsync"/>. Thread-safe; make one and reuse it.
/// </summary>
/// <remarks>
/// Every operation is virtual so the client can be mocked (use the protected constructor).
/// Nothing it does loses a paid job or pays for one twice: a submit is sent again only when the server
/// certainly did not take it, and every other call is retried on transient failures.
/// </remarks>
public partial class RunComfyClient : IDisposable
{
    private readonly ClientSettings _settings = null!;
    private readonly RunComfyTransport _transport = null!;
    private readonly RunComfyEndpoints _endpoints = null!;
    private readonly RetryPipelines _retries = null!;
    private readonly ErrorFactory _errors = null!;
    private readonly ILogger _logger = NullLogger.Instance;
    private readonly HttpClient? _ownedHttpClient;

    /// <summary>Creates a client with its own connection pool.</summary>
    /// <param name="token">The API token; when null: <see cref="RunComfyClientOptions.Token"/>, then <c>RUNCOMFY_API_TOKEN</c>, then <c>RUNCOMFY_TOKEN</c>.</param>
    /// <param name="options">Base address, polling, timeouts and retries; null for the defaults.</param>
    /// <param name="logger">Receives request ids, states and retries (never the token or a body).</param>
    /// <exception cref="InvalidOperationException">No token was given or found.</exception>
    /// <exception cref="ArgumentException">The base address is not HTTPS (or HTTP on loopback), or an option is out of range.</exception>
    public RunComfyClient(string? token = null, RunComfyClientOptions? options = null, ILogger<RunComfyClient>? logger = null)
        : this(token, httpClient: null, options, logger, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>Creates a client over an <see cref="HttpClient"/>, e.g. one from <c>IHttpClientFactory</c> (see <c>services.AddRunComfy</c>).</summary>
    /// <param name="httpClient">The client to send with; its <see cref="HttpClient.BaseAddress"/> is ignored (see <see cref="RunComfyClientOptions.BaseAddress"/>).</param>
    /// <param name="options">Token, base address, polling, timeouts and retries; null for the defaults.</param>
    /// <param name="logger">Receives request ids, states and retries (never the token or a body).</param>
    /// <exception cref="InvalidOperationException">No token was given or found.</exception>
    public RunComfyClient(HttpClient httpClient, RunComfyClientOptions? options = null, ILogger<RunComfyClient>? logger = null)
        : this(token: null, httpClient ?? throw new ArgumentNullException(nameof(httpClient)), options, logger, Environment.GetEnvironmentVariable)
    {
    }

    /// <summary>For mocking: a client whose every operation must be overridden.</summary>
    protected RunComfyClient()
    {
    }

    /// <summary>The constructor everything goes through; the environment is a parameter so tests need not change the process's.</summary>
    internal RunComfyClient(string? token, HttpClient? httpClient, RunComfyClientOptions? options, ILogger? logger, Func<string, string?> environment)
    {
        options ??= new RunComfyClientOptions();
        _settings = ClientSettings.From(options, environment);
        var resolvedToken = TokenResolver.Resolve(token, options, environment);
        _logger = logger ?? NullLogger.Instance;
        if (httpClient is null)
        {
            // Timeouts are applied per attempt by the transport, so HttpClient's own is off.
            _ownedHttpClient = new HttpClient(RunComfyHttpHandler.Create(_settings.ConnectTimeout)) { Timeout = Timeout.InfiniteTimeSpan };
            httpClient = _ownedHttpClient;
        }

        _transport = new RunComfyTransport(httpClient, resolvedToken, _settings.Time, _settings.RequestTimeout);
        _endpoints = new RunComfyEndpoints(_settings.BaseAddress);
        _retries = new RetryPipelines(options.Retry, _settings.Time, _logger);
        _errors = new ErrorFactory(_transport.ForMessage);
    }

    /// <summary>The API address this client talks to.</summary>
    public virtual Uri BaseAddress => _settings.BaseAddress;

    /// <summary>
    /// Validates a request without sending it: <see cref="IRunComfyRequest.Validate"/> and the media rules
    /// (<c>request.ValidateAsync(</c><see cref="RunComfyClientOptions.MediaValidation"/><c>)</c>), or
    /// <see cref="IRunComfyRequest.Validate"/> and <see cref="RunComfyClientOptions.ValidateMediaAsync"/> when that
    /// is set. <see cref="SubmitAsync"/> calls this first.
    /// </summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the media checks.</param>
    /// <returns>Every error and warning of both steps.</returns>
    public virtual async Task<ValidationResult> ValidateAsync(IRunComfyRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (_settings.ValidateMediaAsync is not { } validateMedia)
        {
            // Validate() first, then every media rule; all problems in one result.
            return await request.ValidateAsync(_settings.MediaValidation, cancellationToken).ConfigureAwait(false);
        }

        var result = request.Validate();
        var media = await validateMedia(request, cancellationToken).ConfigureAwait(false);
        return media.Errors.Count == 0 && media.Warnings.Count == 0
            ? result
            : new ValidationResult([.. result.Errors, .. media.Errors], [.. result.Warnings, .. media.Warnings]);
    }

    /// <summary>Shows the address only; the token never appears here.</summary>
    public override string ToString() => $"{nameof(RunComfyClient)}({_settings?.BaseAddress})";

    /// <summary>Releases the connection pool the client made for itself (nothing when an <see cref="HttpClient"/> was given).</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases the owned <see cref="HttpClient"/>.</summary>
    /// <param name="disposing">True when called from <see cref="Dispose()"/>.</param>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ownedHttpClient?.Dispose();
        }
    }

    /// <summary>
    /// Sends through the submit or the read retry pipeline; throws the last attempt's exception (transport or
    /// cancellation) when no answer came. Tags <paramref name="span"/> with the last attempt's HTTP facts and
    /// counts the retries (and status requests) on the meter.
    /// </summary>
    private async Task<WireAnswer> SendAsync(
        bool isSubmit, string operation, string? requestId, HttpMethod method, Uri uri,
        ReadOnlyMemory<byte>? body, AttemptTracker tracker, Activity? span, string? modelId, CancellationToken cancellationToken)
    {
        var pipeline = isSubmit ? _retries.Submits : _retries.Reads;
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        context.Properties.Set(RetryPipelines.Operation, operation);
        context.Properties.Set(RetryPipelines.RequestId, requestId);
        int? answered = null;
        try
        {
            var outcome = await pipeline.ExecuteOutcomeAsync(
                static async (ctx, state) =>
                {
                    // Cancelled before this attempt began (e.g. right as a retry delay ended): nothing is sent.
                    if (ctx.CancellationToken.IsCancellationRequested)
                    {
                        return Outcome.FromException<WireAnswer>(new OperationCanceledException(ctx.CancellationToken));
                    }

                    state.Tracker.CountAttempt();
                    try
                    {
                        return Outcome.FromResult(await state.Transport.SendAsync(state.Method, state.Uri, state.Body, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception e)
                    {
                        if (e is OperationCanceledException && ctx.CancellationToken.IsCancellationRequested)
                        {
                            state.Tracker.MarkCancelledInFlight();
                        }

                        return Outcome.FromException<WireAnswer>(e);
                    }
                },
                context,
                new AttemptState(_transport, method, uri, body, tracker)).ConfigureAwait(false);

            // Retries stop when the caller cancels; a failure that would have been retried then reads as the cancellation.
            if (cancellationToken.IsCancellationRequested && outcome.Exception is not OperationCanceledException
                && (isSubmit ? RetryRules.ShouldRetrySubmit(outcome) : RetryRules.ShouldRetryRead(outcome)))
            {
                throw new OperationCanceledException(cancellationToken);
            }

            if (outcome.Exception is { } exception)
            {
                ExceptionDispatchInfo.Throw(exception);
            }

            answered = outcome.Result!.Status;
            return outcome.Result!;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
            var retries = Math.Max(0, tracker.Attempts - 1);
            ClientSpans.TagHttp(span, method, uri, answered, retries);
            ClientMetrics.AddRetries(operation, modelId, retries);
            if (operation == "status")
            {
                ClientMetrics.Add(ClientMetrics.StatusCalls, modelId, tracker.Attempts);
            }
        }
    }

    private sealed record AttemptState(RunComfyTransport Transport, HttpMethod Method, Uri Uri, ReadOnlyMemory<byte>? Body, AttemptTracker Tracker);

    /// <summary>
    /// Counts the attempts of one call, and knows whether a submit was cancelled during an attempt (it may have been
    /// sent) rather than during a retry delay.
    /// </summary>
    private sealed class AttemptTracker
    {
        private int _cancelledInFlight;
        private int _attempts;

        public bool CancelledInFlight => Volatile.Read(ref _cancelledInFlight) == 1;

        public int Attempts => Volatile.Read(ref _attempts);

        public void MarkCancelledInFlight() => Volatile.Write(ref _cancelledInFlight, 1);

        public void CountAttempt() => Interlocked.Increment(ref _attempts);
    }
}
