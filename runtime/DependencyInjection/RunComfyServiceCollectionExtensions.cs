using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http;
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
    /// <remarks>
    /// A submit is sent to the network at most once, whatever handlers are added to this client, through the
    /// returned builder or <c>ConfigureHttpClientDefaults</c> (e.g. a standard resilience handler): the client
    /// wraps the primary handler in a guard that refuses a second send of the same submit, and the submit then
    /// fails with <see cref="SubmitOutcomeUnknownException"/>. Only the client's own retries resend a submit,
    /// and only when the server certainly did not take it. Status, result and cancel calls may be retried by
    /// such handlers freely.
    /// </remarks>
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

        // First in the list, so it is the outermost filter: it runs after every other filter and configuration,
        // and the resend guard it adds ends up innermost.
        if (!services.Any(d => d.ServiceType == typeof(IHttpMessageHandlerBuilderFilter) && d.ImplementationType == typeof(SubmitResendGuardFilter)))
        {
            services.Insert(0, ServiceDescriptor.Singleton<IHttpMessageHandlerBuilderFilter, SubmitResendGuardFilter>());
        }

        services.TryAddSingleton(provider => new RunComfyClient(
            provider.GetRequiredService<IHttpClientFactory>().CreateClient(HttpClientName),
            provider.GetRequiredService<IOptions<RunComfyClientOptions>>().Value,
            provider.GetService<ILogger<RunComfyClient>>()));
        return builder;
    }
}
