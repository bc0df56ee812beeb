using System.Buffers.Binary;

namespace RunComfy.Emulator.Outputs;

/// <summary>
/// Writes a structurally valid MP4 (ISO BMFF: <c>ftyp</c> and a <c>moov</c> with a movie header, no tracks)
/// with a real PNG poster frame kept in a <c>free</c> box: enough for a client to download, sniff and store
/// a video output; players show an empty clip of <paramref name="seconds"/>.
/// </summary>
internal static class Mp4Writer
{
    public static byte[] Clip(double seconds, byte[] poster)
    {
        using var output = new MemoryStream();
        WriteBox(output, "ftyp"u8, [.. "isom"u8, 0, 0, 2, 0, .. "isom"u8, .. "mp41"u8]);

        var header = new byte[100];
        var span = header.AsSpan();
        // version 0, flags 0, creation and modification time 0
        BinaryPrimitives.WriteInt32BigEndian(span[12..], 1000);                    // timescale
        BinaryPrimitives.WriteInt32BigEndian(span[16..], (int)(seconds * 1000));   // duration
        BinaryPrimitives.WriteInt32BigEndian(span[20..], 0x00010000);             // rate 1.0
        BinaryPrimitives.WriteInt16BigEndian(span[24..], 0x0100);                 // volume 1.0
        int[] identity = [0x00010000, 0, 0, 0, 0x00010000, 0, 0, 0, 0x40000000];
        for (var i = 0; i < identity.Length; i++) BinaryPrimitives.WriteInt32BigEndian(span[(36 + i * 4)..], identity[i]);
        BinaryPrimitives.WriteInt32BigEndian(span[96..], 1);                      // next track id
        using (var moov = new MemoryStream())
        {
            WriteBox(moov, "mvhd"u8, header);
            WriteBox(output, "moov"u8, moov.ToArray());
        }
        WriteBox(output, "free"u8, poster);
        return output.ToArray();
    }

    private static void WriteBox(Stream output, ReadOnlySpan<byte> type, ReadOnlySpan<byte> content)
    {
        Span<byte> size = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(size, 8 + content.Length);
        output.Write(size);
        output.Write(type);
        output.Write(content);
    }
}
