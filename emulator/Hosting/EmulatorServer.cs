using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using RunComfy.Emulator.Endpoints;
using RunComfy.Emulator.Files;
using RunComfy.Emulator.Hosting;
using RunComfy.Emulator.Models;

namespace RunComfy.Emulator;

/// <summary>
/// A RunComfy Model API on Kestrel, hosted in-process (tests, benchmarks) or by the standalone program.
/// Start it with <see cref="StartAsync"/>, point a client at <see cref="BaseAddress"/>, dispose to stop.
/// </summary>
public sealed class EmulatorServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly EmulatorState _state;
    private SchemaFolderWatcher? _watcher;
    private int _disposed;

    private EmulatorServer(WebApplication app, EmulatorState state, Uri baseAddress)
    {
        _app = app;
        _state = state;
        BaseAddress = baseAddress;
    }

    /// <summary>Where the server listens, with a trailing slash (e.g. <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri BaseAddress { get; }

    /// <summary>The live options; faults and most settings may be changed while the server runs.</summary>
    public EmulatorOptions Options => _state.Options;

    /// <summary>Models served, by id.</summary>
    public IReadOnlyList<string> ModelIds => _state.Models.All.Select(m => m.Id).ToArray();

    /// <summary>Accepted submissions (jobs created).</summary>
    public int TotalSubmissions => _state.Submissions.Total;

    /// <summary>Accepted submissions whose body was exactly <paramref name="body"/>: more than 1 means a job was submitted twice.</summary>
    public int GetSubmissionCount(string body) => _state.Submissions.CountOf(body);

    /// <summary>Distinct bodies accepted more than once.</summary>
    public int DuplicateSubmissions => _state.Submissions.Duplicates;

    /// <summary>Counters per endpoint: calls, faults injected, refused and accepted-but-faulted submits.</summary>
    public EmulatorStats Stats => _state.Stats;

    /// <summary>
    /// Starts a server. The default URL takes a free loopback port. Schemas are loaded and compiled before
    /// this returns, so a broken schema fails here.
    /// </summary>
    /// <exception cref="DirectoryNotFoundException"><see cref="EmulatorOptions.SchemasDirectory"/> is set to a folder that does not exist.</exception>
    /// <exception cref="InvalidOperationException">A schema cannot be read.</exception>
    public static async Task<EmulatorServer> StartAsync(EmulatorOptions? options = null, string url = "http://127.0.0.1:0", CancellationToken cancellationToken = default)
    {
        options ??= new EmulatorOptions();
        var models = ModelRegistry.Load(ModelRegistry.DefaultDirectory(), options.SchemasDirectory, options.ExtraSchemas);
        foreach (var model in models.All) model.Validator.Prepare();
        var state = new EmulatorState(options, models);

        // The empty builder reads no config files and adds no logging providers: no file watchers per
        // test server, and nothing that could print a header.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = typeof(EmulatorServer).Assembly.GetName().Name });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = options.MaxRequestBodyBytes;
        });
        builder.WebHost.UseUrls(url);
        builder.Services.AddRoutingCore();
        builder.Services.AddLogging();
        builder.Services.AddSingleton<IHostLifetime, SilentHostLifetime>();

        var app = builder.Build();
        var requestLog = new RequestLogMiddleware(options);
        var files = new FileServingMiddleware(state);
        app.Use((context, next) => requestLog.InvokeAsync(context, () => next(context)));
        app.Use((context, next) => files.InvokeAsync(context, () => next(context)));
        app.UseRouting();
        app.MapModelApi(state);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        var baseAddress = new Uri(address.EndsWith('/') ? address : address + "/");
        state.BaseAddress = baseAddress;
        var server = new EmulatorServer(app, state, baseAddress);
        if (options.ReloadSchemasOnChange && options.SchemasDirectory is { } watched)
        {
            server._watcher = new SchemaFolderWatcher(watched, models, options.SchemaReloadLog);
        }

        return server;
    }

    /// <summary>
    /// Serves <paramref name="content"/> at <paramref name="path"/> (e.g. <c>/media/cat.png</c>) on GET and HEAD,
    /// with Range support, and without a token, like a public CDN. Submissions referring to it get their
    /// media rules checked against these bytes.
    /// </summary>
    /// <returns>The file's absolute URL.</returns>
    public Uri ServeFile(string path, byte[] content, string contentType)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(content);
        ArgumentException.ThrowIfNullOrEmpty(contentType);
        var normalized = FileStore.Normalize(path);
        _state.Files.Put(normalized, new ServedFile(content, contentType, _state.Now));
        return new Uri(BaseAddress, normalized.TrimStart('/'));
    }

    /// <summary>
    /// Serves <paramref name="schemaJson"/> as the input schema of <paramref name="modelId"/> from now on (added,
    /// or replacing the schema it had), e.g. to show a client what RunComfy changing a schema does. Jobs already
    /// accepted keep running.
    /// </summary>
    /// <exception cref="InvalidOperationException">The schema cannot be read; the model keeps its old schema.</exception>
    public void SetModelSchema(string modelId, string schemaJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(modelId);
        ArgumentNullException.ThrowIfNull(schemaJson);
        _state.Models.Set(modelId, schemaJson);
    }

    /// <summary>Stops serving a model: submits and <c>GET /v1/models/{id}</c> then answer 400001.</summary>
    /// <returns>False when the model was not served.</returns>
    public bool RemoveModel(string modelId) => _state.Models.Remove(modelId);

    /// <summary>Reads the bundled and <see cref="EmulatorOptions.SchemasDirectory"/> folders again (extras stay); on an error nothing changes.</summary>
    /// <exception cref="InvalidOperationException">A schema cannot be read.</exception>
    /// <exception cref="DirectoryNotFoundException">The schemas folder is gone.</exception>
    public void ReloadSchemas() => _state.Models.Reload();

    /// <summary>Forgets a request, as RunComfy does when one expires: its id then answers 404001. Its output files stay served.</summary>
    /// <returns>False when no such request exists.</returns>
    public bool ExpireRequest(string requestId) => _state.Jobs.Remove(requestId);

    /// <summary>Stops the server and waits for in-flight requests (bounded).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        _watcher?.Dispose();
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5)))
        {
            try
            {
                await _app.StopAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                // Slow-answer faults may still be waiting; stopping is bounded on purpose.
            }
        }
        await _app.DisposeAsync();
    }

    /// <inheritdoc />
    public override string ToString() => $"RunComfy emulator at {BaseAddress}";
}
