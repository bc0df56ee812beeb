using RunComfy.Media.Probing;

namespace RunComfy.SchemaClient.Benchmarks;

/// <summary>
/// Bytes on the wire to validate one remote 9 MB file, counted by the server (body bytes written) for a fresh
/// <c>ValidateAsync</c>; measured once per file in the host process and shown as benchmark columns.
/// </summary>
internal static class MediaProbeMeasurements
{
    private static readonly Dictionary<string, Measurement> Cache = [];

    public sealed record Measurement(long FileSize, long Floor, long Transferred, int Requests);

    public static Measurement Measure(string file)
    {
        lock (Cache)
        {
            if (!Cache.TryGetValue(file, out var measurement))
            {
                measurement = MeasureAsync(file).GetAwaiter().GetResult();
                Cache[file] = measurement;
            }

            return measurement;
        }
    }

    private static async Task<Measurement> MeasureAsync(string file)
    {
        var (content, floor) = MediaBenchFiles.All[file];
        await using var server = await MediaBenchServer.StartAsync(TimeSpan.Zero);
        using var http = MediaBenchHttp.Create();
        var url = MediaInput.FromUri(server.Add(file, content), allowLoopbackHttp: true);
        var options = new MediaValidationOptions { HttpClient = http };

        var result = await MediaBenchRequest.For([url]).ValidateAsync(options);
        if (!result.IsValid || result.Warnings.Count > 0)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Concat(result.Warnings)));
        }

        await server.WhenIdleAsync();
        var transferred = server.BytesWritten(file);
        var requests = server.Requests(file);

        // The probe's own view of where the size became known must match the file's construction.
        var probe = await MediaProber.ProbeAsync(url, new MediaProbeNeeds(true, true), options, CancellationToken.None);
        if (probe.HeaderEnd != floor || probe.BytesReceived != transferred)
        {
            throw new InvalidOperationException($"{file}: header end {probe.HeaderEnd} (floor {floor}), received {probe.BytesReceived} (server wrote {transferred}).");
        }

        return new Measurement(content.Length, floor, transferred, requests);
    }
}
