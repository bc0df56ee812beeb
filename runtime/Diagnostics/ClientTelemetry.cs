using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Reflection;

namespace RunComfy.Diagnostics;

/// <summary>
/// The library's one <see cref="ActivitySource"/> and one <see cref="Meter"/>, both named after the package
/// (<c>RunComfy.SchemaClient</c>) and versioned with the assembly's informational version, as Azure SDK clients do.
/// Switch them on with OpenTelemetry's <c>AddSource("RunComfy.SchemaClient")</c> and <c>AddMeter("RunComfy.SchemaClient")</c>.
/// </summary>
internal static class ClientTelemetry
{
    public const string Name = "RunComfy.SchemaClient";

    public static readonly string? Version =
        typeof(ClientTelemetry).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion;

    public static readonly ActivitySource Source = new(Name, Version);

    public static readonly Meter Meter = new(Name, Version);
}
