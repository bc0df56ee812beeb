using Microsoft.Extensions.Http;
using RunComfy.Client.Transport;

namespace RunComfy;

/// <summary>
/// Wraps the primary handler of the <c>AddRunComfy</c> client in <see cref="SubmitResendGuardHandler"/> after
/// every configuration of that client has run (defaults, the named client, handlers added to the returned
/// builder, a replaced primary handler), so the guard is always the innermost handler.
/// </summary>
internal sealed class SubmitResendGuardFilter : IHttpMessageHandlerBuilderFilter
{
    public Action<HttpMessageHandlerBuilder> Configure(Action<HttpMessageHandlerBuilder> next) => builder =>
    {
        next(builder);
        if (string.Equals(builder.Name, RunComfyServiceCollectionExtensions.HttpClientName, StringComparison.Ordinal)
            && builder.PrimaryHandler is not SubmitResendGuardHandler)
        {
            builder.PrimaryHandler = new SubmitResendGuardHandler(builder.PrimaryHandler);
        }
    };
}
