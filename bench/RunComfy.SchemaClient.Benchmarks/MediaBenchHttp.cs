using System.Net;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>The client the media benchmarks use: configured like the runtime's own probe client.</summary>
internal static class MediaBenchHttp
{
    public static HttpClient Create() =>
        new(new SocketsHttpHandler { AutomaticDecompression = DecompressionMethods.None, MaxResponseDrainSize = 0 })
        {
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
