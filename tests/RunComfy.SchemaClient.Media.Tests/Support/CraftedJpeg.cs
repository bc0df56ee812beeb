namespace RunComfy.SchemaClient.Media.Tests.Support;

/// <summary>Hostile JPEG-looking files that cost a naive marker walk far more than their size.</summary>
internal static class CraftedJpeg
{
    /// <summary>
    /// SOI, then <c>FF 00</c> pairs with a restart marker (FFD0..FFD7 in turn) every 65,000 bytes, and no frame
    /// header: the file from issue 9.
    /// </summary>
    public static byte[] StuffedZerosWithRestartMarkers(int size)
    {
        var bytes = new byte[size];
        bytes[0] = 0xFF;
        bytes[1] = 0xD8;
        var restart = 0;
        for (var at = 2; at + 1 < size; at += 2)
        {
            bytes[at] = 0xFF;
            bytes[at + 1] = at % 65_000 < 2 ? (byte)(0xD0 + (restart++ % 8)) : (byte)0x00;
        }

        return bytes;
    }

    /// <summary><paramref name="size"/> bytes of stuffed <c>FF 00</c> pairs.</summary>
    public static byte[] StuffedZeros(int size)
    {
        var bytes = new byte[size];
        for (var at = 0; at + 1 < size; at += 2)
        {
            bytes[at] = 0xFF;
        }

        return bytes;
    }
}
