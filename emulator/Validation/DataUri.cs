using System.Text;

namespace RunComfy.Emulator.Validation;

/// <summary>Decodes <c>data:[&lt;mime&gt;][;base64],&lt;data&gt;</c> URIs (RFC 2397).</summary>
internal static class DataUri
{
    public static bool IsDataUri(string value) => value.StartsWith("data:", StringComparison.OrdinalIgnoreCase);

    public static MediaFetch Decode(string value)
    {
        var comma = value.IndexOf(',');
        if (comma < 0) return MediaFetch.Failed("The data: URI has no ',' before its data.");
        var header = value.AsSpan(5, comma - 5);
        var data = value[(comma + 1)..];
        if (header.EndsWith(";base64", StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                return MediaFetch.Found(Convert.FromBase64String(data));
            }
            catch (FormatException)
            {
                return MediaFetch.Failed("The data: URI is not valid base64.");
            }
        }
        return MediaFetch.Found(Encoding.UTF8.GetBytes(Uri.UnescapeDataString(data)));
    }
}
