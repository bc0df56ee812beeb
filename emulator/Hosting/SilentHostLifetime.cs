using Microsoft.Extensions.Hosting;

namespace RunComfy.Emulator.Hosting;

/// <summary>A host lifetime that does not hook Ctrl-C or print banners: the in-process server is stopped by disposal.</summary>
internal sealed class SilentHostLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
