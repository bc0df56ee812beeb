using System.Buffers;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using RunComfy.Client.Wire;

namespace RunComfy.Client.Transport;

/// <summary>
/// Sends one HTTP attempt and reads the whole answer. Adds the bearer token to that one request only
/// (never to shared default headers), applies the per-call timeout, and turns failures without an answer
/// into <see cref="TransportException"/> saying whether the request may have been sent.
/// </summary>
internal sealed class RunComfyTransport
{
    private const int MaxBodyBytes = 4 * 1024 * 1024;
    private static readonly MediaTypeWithQualityHeaderValue Json = new("application/json");
    private static readonly ProductInfoHeaderValue UserAgent =
        new("RunComfy.SchemaClient", typeof(RunComfyTransport).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");

    private readonly HttpClient _http;
    private readonly string _token;
    private readonly TimeProvider _time;
    private readonly TimeSpan _requestTimeout;

    public RunComfyTransport(HttpClient http, string token, TimeProvider time, TimeSpan requestTimeout)
    {
        _http = http;
        _token = token;
        _time = time;
        _requestTimeout = requestTimeout;
    }

    /// <summary>Server text for a message or a log line: the token redacted from the whole text, controls stripped, then cut (see <see cref="ServerText"/>).</summary>
    public string? ForMessage(string? text) => ServerText.ForMessage(text, _token);

    /// <exception cref="TransportException">No answer; see <see cref="TransportException.Failure"/>.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired.</exception>
    public async Task<WireAnswer> SendAsync(HttpMethod method, Uri uri, ReadOnlyMemory<byte>? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, uri);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        request.Headers.Accept.Add(Json);
        request.Headers.UserAgent.Add(UserAgent);
        SubmitSendOnce? sendOnce = null;
        if (body is { } content)
        {
            // Only submits have a body. Marked so that a retrying handler added around the factory client cannot send it twice.
            sendOnce = new SubmitSendOnce();
            request.Options.Set(SubmitSendOnce.Key, sendOnce);
            request.Content = new SubmitContent(content, sendOnce);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        }

        using var timeout = new CancellationTokenSource(_requestTimeout, _time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, linked.Token).ConfigureAwait(false);
            var (buffer, length) = await ReadBodyAsync(response.Content, linked.Token).ConfigureAwait(false);
            try
            {
                return WireAnswer.Read((int)response.StatusCode, response.ReasonPhrase, ReadRetryAfter(response), buffer.AsMemory(0, length), _token);
            }
            finally
            {
                // The answer keeps copies (cloned JSON, strings), never the buffer.
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        catch (Exception e) when (sendOnce?.ResendRefused == true && !cancellationToken.IsCancellationRequested)
        {
            // A handler outside the client sent it once, then tried again: whatever it reports now, the first send may have reached RunComfy.
            throw new TransportException(TransportFailure.ResendRefused, "A message handler added to the HttpClient tried to send the submit again; the client refused the resend.", e);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (OperationCanceledException e) when (timeout.IsCancellationRequested || e.InnerException is TimeoutException)
        {
            // Ours, or HttpClient.Timeout of a client handed to us.
            throw new TransportException(TransportFailure.Timeout, $"No answer from RunComfy within {_requestTimeout.TotalSeconds:0.###} s.", e);
        }
        catch (HttpRequestException e)
        {
            var failure = TransportErrorClassifier.Classify(e);
            throw new TransportException(failure, $"Network failure talking to RunComfy: {TransportErrorClassifier.Describe(failure)} ({ForMessage(e.Message)}).", Scrubbed(e));
        }
        catch (IOException e)
        {
            throw new TransportException(TransportFailure.Interrupted, $"The connection to RunComfy broke while reading the answer ({ForMessage(e.Message)}).", Scrubbed(e));
        }
    }

    /// <summary>
    /// The exception to keep as the cause: the original, unless a message in its chain quotes the server with
    /// the token in it (HttpClient quotes an invalid status line whole), in which case a copy without that chain
    /// and with the text redacted, so that no <c>ToString()</c> or log of the cause can carry the token.
    /// </summary>
    private Exception Scrubbed(Exception exception)
    {
        var chain = new List<string>();
        for (var e = exception; e is not null; e = e.InnerException)
        {
            chain.Add(e.Message);
        }

        if (!chain.Any(message => ServerText.Contains(message, _token)))
        {
            return exception;
        }

        var message = ServerText.ForMessage(string.Join(" <- ", chain), _token, 1000)!;
        return exception is HttpRequestException http ? new HttpRequestException(http.HttpRequestError, message) : new IOException(message);
    }

    /// <summary>Reads the whole body into a pooled buffer (answers are small; past the cap they are cut, then fail to parse and count as unreadable).</summary>
    private static async Task<(byte[] Buffer, int Length)> ReadBodyAsync(HttpContent content, CancellationToken cancellationToken)
    {
        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Clamp(content.Headers.ContentLength ?? 4096, 256, MaxBodyBytes));
        var length = 0;
        try
        {
            while (length < MaxBodyBytes)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, MaxBodyBytes));
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var read = await stream.ReadAsync(buffer.AsMemory(length, Math.Min(buffer.Length, MaxBodyBytes) - length), cancellationToken).ConfigureAwait(false);
                if (read == 0)
                {
                    break;
                }

                length += read;
            }

            return (buffer, length);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    /// <summary><c>Retry-After</c> as seconds or as an HTTP date (relative to the client's clock); null when absent or unreadable.</summary>
    private TimeSpan? ReadRetryAfter(HttpResponseMessage response)
    {
        if (response.Headers.RetryAfter is { } typed)
        {
            if (typed.Delta is { } delta)
            {
                return delta;
            }

            if (typed.Date is { } date)
            {
                var wait = date - _time.GetUtcNow();
                return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
            }
        }

        // Fractional seconds ("1.5") are not valid HTTP but cost nothing to honour.
        if (response.Headers.NonValidated.TryGetValues("Retry-After", out var values)
            && double.TryParse(values.ToString(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds)
            && seconds is >= 0 and < 86400)
        {
            return TimeSpan.FromSeconds(seconds);
        }

        return null;
    }
}
