using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using RunComfy.Client.Transport;

namespace RunComfy;

/// <summary>Registers <see cref="RunComfyClient"/> with dependency injection.</summary>
public static class RunComfyServiceCollectionExtensions
{
    /// <summary>The name of the <see cref="HttpClient"/> the client gets from <c>IHttpClientFactory</c>.</summary>
    public const string HttpClientName = "RunComfy";

    /// <summary>
    /// Adds a singleton <see cref="RunComfyClient"/> that sends through a named <c>IHttpClientFactory</c> client
    /// (<see cref="HttpClientName"/>) and logs through <c>ILogger&lt;RunComfyClient&gt;</c> when logging is set up.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Sets the options (token, base address, polling, retries); the token may also come from the environment.</param>
    /// <returns>The <see cref="IHttpClientBuilder"/> of the named client, to add handlers to it.</returns>
    public static IHttpClientBuilder AddRunComfy(this IServiceCollection services, Action<RunComfyClientOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<RunComfyClientOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        var builder = services.AddHttpClient(HttpClientName)
            // The client's own handler: connect failures are told apart from timeouts, no redirects.
            .ConfigurePrimaryHttpMessageHandler(provider =>
                RunComfyHttpHandler.Create(provider.GetRequiredService<IOptions<RunComfyClientOptions>>().Value.ConnectTimeout))
            // Timeouts are applied per attempt by the client itself.
            .ConfigureHttpClient(client => client.Timeout = Timeout.InfiniteTimeSpan);

        services.TryAddSingleton(provider => new RunComfyClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<RunComfyClientOptions>>().Value,
            provider.GetService<ILogger<RunComfyClient>>()));
        return builder;
    }
}
