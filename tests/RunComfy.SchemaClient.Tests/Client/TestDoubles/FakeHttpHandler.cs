using System.Net;
using System.Net.Http;
using System.Text;

namespace RunComfy.SchemaClient.Tests.Client.TestDoubles;

/// <summary>One request the fake handler received.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, string? Authorization, string? ContentType);

/// <summary>
/// An <see cref="HttpMessageHandler"/> scripted per endpoint: each route answers its steps in order and
/// repeats the last one. Records every request, body and Authorization header included.
/// </summary>
public sealed class FakeHttpHandler : HttpMessageHandler
{
    private readonly List<RecordedRequest> _requests = [];

    public FakeHttpHandler()
    {
        Submit = new FakeRoute("submit");
        Status = new FakeRoute("status");
        Result = new FakeRoute("result");
        Cancel = new FakeRoute("cancel");
        Catalog = new FakeRoute("catalog");
    }

    /// <summary><c>POST /v1/models/...</c>.</summary>
    public FakeRoute Submit { get; }

    /// <summary><c>GET /v1/requests/{id}/status</c>.</summary>
    public FakeRoute Status { get; }

    /// <summary><c>GET /v1/requests/{id}/result</c>.</summary>
    public FakeRoute Result { get; }

    /// <summary><c>POST /v1/requests/{id}/cancel</c>.</summary>
    public FakeRoute Cancel { get; }

    /// <summary><c>GET /v1/models</c> and <c>GET /v1/models/{model_id}</c>.</summary>
    public FakeRoute Catalog { get; }

    public IReadOnlyList<RecordedRequest> Requests
    {
        get { lock (_requests) return [.. _requests]; }
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (_requests)
        {
            _requests.Add(new RecordedRequest(
                request.Method,
                request.RequestUri!,
                body,
                request.Headers.Authorization?.ToString(),
                request.Content?.Headers.ContentType?.MediaType));
        }

        var path = request.RequestUri!.AbsolutePath;
        var route = request.Method == HttpMethod.Post && path.StartsWith("/v1/models/", StringComparison.Ordinal) ? Submit
            : request.Method == HttpMethod.Get && (path == "/v1/models" || path.StartsWith("/v1/models/", StringComparison.Ordinal)) ? Catalog
            : request.Method == HttpMethod.Get && path.EndsWith("/status", StringComparison.Ordinal) ? Status
            : request.Method == HttpMethod.Get && path.EndsWith("/result", StringComparison.Ordinal) ? Result
            : request.Method == HttpMethod.Post && path.EndsWith("/cancel", StringComparison.Ordinal) ? Cancel
            : throw new InvalidOperationException($"Unexpected request {request.Method} {request.RequestUri}");
        var response = await route.NextAsync(request, cancellationToken);
        response.RequestMessage = request;
        return response;
    }
}

/// <summary>The scripted answers of one endpoint.</summary>
public sealed class FakeRoute(string name)
{
    private readonly Queue<Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>> _steps = new();
    private Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>>? _last;
    private int _calls;

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>Answers with a JSON body.</summary>
    public FakeRoute Json(int status, string json, Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status)
            {
                Content = new StringContent(json, Encoding.UTF8, "application/json"),
            };
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    /// <summary>Answers 200 with a JSON body.</summary>
    public FakeRoute Ok(string json) => Json(200, json);

    /// <summary>Answers with a raw (non-JSON) body.</summary>
    public FakeRoute Text(int status, string text, Action<HttpResponseMessage>? configure = null) =>
        Then((_, _) =>
        {
            var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(text, Encoding.UTF8, "text/plain") };
            configure?.Invoke(response);
            return Task.FromResult(response);
        });

    /// <summary>Fails the attempt without an answer.</summary>
    public FakeRoute Throw(Func<Exception> exception) => Then((_, _) => Task.FromException<HttpResponseMessage>(exception()));

    /// <summary>Any behaviour.</summary>
    public FakeRoute Then(Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step)
    {
        lock (_steps)
        {
            _steps.Enqueue(step);
        }

        return this;
    }

    internal Task<HttpResponseMessage> NextAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _calls);
        Func<HttpRequestMessage, CancellationToken, Task<HttpResponseMessage>> step;
        lock (_steps)
        {
            if (_steps.TryDequeue(out var next))
            {
                _last = next;
            }

            step = _last ?? throw new InvalidOperationException($"No answer scripted for {name}.");
        }

        return step(request, cancellationToken);
    }
}
