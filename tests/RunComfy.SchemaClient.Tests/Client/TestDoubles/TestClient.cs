using System.Net.Http;
using Microsoft.Extensions.Logging;

namespace RunComfy.SchemaClient.Tests.Client.TestDoubles;

/// <summary>Builds clients over a fake handler and a virtual clock, isolated from the machine's environment variables.</summary>
public static class TestClient
{
    /// <summary>A token that must never show up in a message, a log line or ToString.</summary>
    public const string Token = "rc_live_S3CR3T_t0ken_ABCDEFGHIJ0123456789";

    public static RunComfyClient Create(
        FakeHttpHandler handler,
        VirtualTimeProvider? time = null,
        Action<RunComfyClientOptions>? configure = null,
        ILogger<RunComfyClient>? logger = null)
    {
        var options = new RunComfyClientOptions
        {
            BaseAddress = new Uri(Wire.Base),
            TimeProvider = time ?? new VirtualTimeProvider(),
        };
        configure?.Invoke(options);
        return new RunComfyClient(Token, new HttpClient(handler), options, logger, _ => null);
    }
}
