using System.Text;
using System.Text.Json;

namespace RunComfy.Cli.Inputs;

/// <summary>
/// Reads a local file named with <c>@path</c> into the value sent on the wire. RunComfy has no upload
/// endpoint, so a local file travels inline as a <c>data:</c> URI; the runtime's
/// <see cref="MediaInput.FromFile"/> builds it (type sniffed from the bytes).
/// </summary>
internal static class LocalMediaFile
{
    /// <summary>The <c>data:</c> URI of the file at <paramref name="fullPath"/>.</summary>
    public static string ToWireValue(string fullPath)
    {
        var media = MediaInput.FromFile(fullPath);
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            media.WriteTo(writer);
        }

        return JsonSerializer.Deserialize(Encoding.UTF8.GetString(buffer.ToArray()), CliJsonContext.Default.String)!;
    }
}
