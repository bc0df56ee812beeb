using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using RunComfy.Cli.Connection;
using RunComfy.Cli.Exit;

namespace RunComfy.Cli.Models;

/// <summary>
/// Reads <c>GET /v1/models/{model_id}</c> (WIRE.md: <c>model_id, display_name, ..., input_schema</c>) for its
/// <c>input_schema</c>. A stand-in until the runtime's own catalog call can be used: bounded (30 s, 8 MB), no
/// redirects, and nothing the server says is echoed except its status code.
/// </summary>
internal sealed class ModelEndpointSchemaSource : IModelSchemaSource
{
    private const int MaxBytes = 8 * 1024 * 1024;
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string? _token;
    private readonly Func<HttpMessageHandler> _createHandler;

    /// <param name="token">The API token.</param>
    /// <param name="createHandler">The HTTP handler; tests pass a fake.</param>
    public ModelEndpointSchemaSource(string? token, Func<HttpMessageHandler>? createHandler = null)
    {
        _token = token;
        _createHandler = createHandler ?? (() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) });
    }

    public async Task<string> GetInputSchemaAsync(ClientSession session, string modelId, CancellationToken cancellationToken)
    {
        var address = new Uri(session.BaseAddress, "/v1/models/" + modelId);
        using var client = new HttpClient(_createHandler(), disposeHandler: true) { Timeout = System.Threading.Timeout.InfiniteTimeSpan, MaxResponseContentBufferSize = MaxBytes };
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        if (_token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        }

        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Timeout);
        byte[] body;
        HttpStatusCode status;
        try
        {
            using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, timeout.Token);
            status = response.StatusCode;
            body = await response.Content.ReadAsByteArrayAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new CliException(ExitCodes.TryLater, $"The schema of '{modelId}' could not be fetched from {session.BaseAddress}: no answer within {Timeout.TotalSeconds:0} s.");
        }
        catch (HttpRequestException e)
        {
            throw new CliException(ExitCodes.Unavailable, $"The schema of '{modelId}' could not be fetched from {session.BaseAddress}: {e.HttpRequestError}.", e);
        }

        switch (status)
        {
            case HttpStatusCode.OK:
                return ReadInputSchema(body, modelId);
            case HttpStatusCode.NotFound or HttpStatusCode.BadRequest:
                // RunComfy answers an unknown model id with 400 (invalid resource id), others with 404.
                throw new CliException(ExitCodes.BadInput, $"Unknown model '{modelId}': {session.BaseAddress} does not serve it, and it is not compiled into this CLI (compiled: {string.Join(", ", ModelCatalog.All.Select(m => m.ModelId))}). See 'comfy-schema models'.");
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                throw new CliException(ExitCodes.NoPermission, $"{session.BaseAddress} refused the token when asked for the schema of '{modelId}' (HTTP {(int)status}).");
            default:
                throw new CliException((int)status >= 500 ? ExitCodes.TryLater : ExitCodes.Unavailable, $"The schema of '{modelId}' could not be fetched from {session.BaseAddress}: HTTP {(int)status}.");
        }
    }

    /// <summary>The <c>input_schema</c> member: an object (or, as some clients send it, the object as a JSON string).</summary>
    private static string ReadInputSchema(byte[] body, string modelId)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("input_schema", out var schema))
            {
                if (schema.ValueKind == JsonValueKind.Object)
                {
                    return schema.GetRawText();
                }

                if (schema.ValueKind == JsonValueKind.String && schema.GetString() is { } text)
                {
                    return text;
                }
            }
        }
        catch (JsonException)
        {
            // Reported below without the server's text.
        }

        throw new CliException(ExitCodes.Unavailable, $"The API's answer for '{modelId}' has no input_schema object.");
    }
}
