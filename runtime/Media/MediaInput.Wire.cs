using System.Text.Json;
using RunComfy.Media.Wire;

namespace RunComfy;

public sealed partial class MediaInput
{
    private const int LongStringThreshold = 1024 * 1024;

    /// <summary>
    /// Writes the wire value as a JSON string: the URL or data URI as given, or for local content a
    /// <c>data:&lt;mime&gt;;base64,...</c> URI encoded in chunks straight into the writer (a file is read again
    /// here, in 48 KiB chunks). Large values flush the writer as they go, so memory stays bounded when it
    /// writes to a stream. Called by generated code.
    /// </summary>
    /// <exception cref="IOException">A local file can no longer be read.</exception>
    public void WriteTo(Utf8JsonWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        switch (Kind)
        {
            case MediaInputKind.File:
                DataUriWriter.WriteFile(writer, _filePath!);
                break;
            case MediaInputKind.Bytes:
                DataUriWriter.Write(writer, _bytes.Span);
                break;
            case MediaInputKind.DataUri when _url!.Length > LongStringThreshold:
                DataUriWriter.WriteLongString(writer, _url);
                break;
            default:
                writer.WriteStringValue(_url);
                break;
        }
    }
}
