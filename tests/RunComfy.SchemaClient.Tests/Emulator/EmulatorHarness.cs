using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using RunComfy.Emulator;

namespace RunComfy.SchemaClient.Tests.Emulator;

/// <summary>An in-process emulator plus a raw HttpClient that sends its token: the tests speak plain HTTP.</summary>
internal sealed class EmulatorHarness : IAsyncDisposable
{
    public const string EditModel = "bytedance/seedream-4-0/edit";
    public const string SequentialModel = "bytedance/seedream-4-0/edit-sequential";

    private EmulatorHarness(EmulatorServer server, ManualClock clock)
    {
        Server = server;
        Clock = clock;
        Http = NewClient(server.Options.Token);
    }

    public EmulatorServer Server { get; }

    public ManualClock Clock { get; }

    public HttpClient Http { get; }

    public EmulatorOptions Options => Server.Options;

    /// <summary>Starts an emulator on a manual clock (jobs move only when the test advances it) with 1 s steps.</summary>
    public static async Task<EmulatorHarness> StartAsync(Action<EmulatorOptions>? configure = null)
    {
        var clock = new ManualClock();
        var options = new EmulatorOptions
        {
            TimeProvider = clock,
            InitialQueuePosition = 2,
            QueueStep = TimeSpan.FromSeconds(1),
            RunDuration = TimeSpan.FromSeconds(1),
        };
        options.Faults.SlowAnswerDelay = TimeSpan.FromMilliseconds(50);
        options.Faults.RetryAfterSeconds = 7;
        configure?.Invoke(options);
        return new EmulatorHarness(await EmulatorServer.StartAsync(options), clock);
    }

    public HttpClient NewClient(string? token)
    {
        var client = new HttpClient { BaseAddress = Server.BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (token is not null) client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A valid body for the edit model with a unique prompt, so submission counts are per test.</summary>
    public static string EditBody(string prompt = "a red fox", string? image = null) =>
        JsonSerializer.Serialize(new { prompt, images = new[] { image ?? "https://example.com/fox.png" } });

    public Task<HttpResponseMessage> PostJsonAsync(string path, string body, HttpClient? client = null) =>
        (client ?? Http).PostAsync(path, new StringContent(body, Encoding.UTF8, "application/json"));

    public Task<HttpResponseMessage> SubmitAsync(string body, string model = EditModel, HttpClient? client = null) =>
        PostJsonAsync($"v1/models/{model}", body, client);

    /// <summary>Submits and returns the request id, asserting acceptance.</summary>
    public async Task<string> SubmitOkAsync(string? body = null, string model = EditModel)
    {
        using var response = await SubmitAsync(body ?? EditBody(Guid.NewGuid().ToString()), model);
        var json = await ReadJsonAsync(response);
        ((int)response.StatusCode).ShouldBe(200, json.ToString());
        return json.GetProperty("request_id").GetString()!;
    }

    public async Task<(int Status, JsonElement Body)> GetAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? Http).GetAsync(path);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    public async Task<(int Status, JsonElement Body)> PostAsync(string path, HttpClient? client = null)
    {
        using var response = await (client ?? Http).PostAsync(path, content: null);
        return ((int)response.StatusCode, await ReadJsonAsync(response));
    }

    public Task<(int Status, JsonElement Body)> StatusAsync(string id) => GetAsync($"v1/requests/{id}/status");

    public Task<(int Status, JsonElement Body)> ResultAsync(string id, bool includeCost = false) =>
        GetAsync($"v1/requests/{id}/result{(includeCost ? "?include_cost=true" : "")}");

    public Task<(int Status, JsonElement Body)> CancelAsync(string id) => PostAsync($"v1/requests/{id}/cancel");

    public static async Task<JsonElement> ReadJsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}
