using System.Buffers.Binary;

namespace RunComfy.Media.Sniffing;

/// <summary>
/// Names a file's type from its first bytes (magic numbers), never from its name or a server's
/// <c>Content-Type</c>: that is what RunComfy's decoders will see.
/// </summary>
internal static class MediaTypeSniffer
{
    /// <summary>How many leading bytes <see cref="Sniff"/> looks at; also enough for the PNG, GIF and WebP headers.</summary>
    public const int HeaderLength = 64;

    private static ReadOnlySpan<byte> PngSignature => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> JpegSignature => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> EbmlSignature => [0x1A, 0x45, 0xDF, 0xA3];

    /// <summary>The MIME type of content starting with <paramref name="header"/>, or null when unrecognised.</summary>
    public static string? Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(PngSignature))
        {
            return MediaTypes.Png;
        }

        if (header.StartsWith(JpegSignature))
        {
            return MediaTypes.Jpeg;
        }

        if (header.StartsWith("GIF87a"u8) || header.StartsWith("GIF89a"u8))
        {
            return MediaTypes.Gif;
        }

        if (header.Length >= 12 && header.StartsWith("RIFF"u8))
        {
            var form = header.Slice(8, 4);
            return form.SequenceEqual("WEBP"u8) ? MediaTypes.WebP
                : form.SequenceEqual("WAVE"u8) ? MediaTypes.Wav
                : form.SequenceEqual("AVI "u8) ? MediaTypes.Avi
                : null;
        }

        if (header.Length >= 12 && header.Slice(4, 4).SequenceEqual("ftyp"u8))
        {
            return SniffIsoBaseMedia(header);
        }

        if (header.StartsWith(EbmlSignature))
        {
            // EBML: the DocType element (0x42 0x82) near the start says webm or matroska.
            return header.IndexOf("webm"u8) >= 0 ? MediaTypes.WebM : MediaTypes.Matroska;
        }

        if (header.StartsWith("ID3"u8))
        {
            return MediaTypes.Mpeg;
        }

        if (header.StartsWith("OggS"u8))
        {
            return MediaTypes.Ogg;
        }

        if (header.StartsWith("fLaC"u8))
        {
            return MediaTypes.Flac;
        }

        // Classic TIFF (42) and BigTIFF (43), little- and big-endian.
        if (header.StartsWith("II*\0"u8) || header.StartsWith("MM\0*"u8) || header.StartsWith("II+\0"u8) || header.StartsWith("MM\0+"u8))
        {
            return MediaTypes.Tiff;
        }

        if (header.Length >= 26 && header.StartsWith("BM"u8) && IsPlausibleBmp(header))
        {
            return MediaTypes.Bmp;
        }

        if (header.Length >= 2 && header[0] == 0xFF && (header[1] & 0xE0) == 0xE0)
        {
            return SniffMpegAudioFrame(header[1]);
        }

        return null;
    }

    private static string SniffIsoBaseMedia(ReadOnlySpan<byte> header)
    {
        var brand = header.Slice(8, 4);
        if (brand.SequenceEqual("qt  "u8))
        {
            return MediaTypes.QuickTime;
        }

        if (brand.SequenceEqual("M4A "u8) || brand.SequenceEqual("M4B "u8))
        {
            return MediaTypes.Mp4Audio;
        }

        if (IsAvifBrand(brand))
        {
            return MediaTypes.Avif;
        }

        if (brand.SequenceEqual("mif1"u8) || brand.SequenceEqual("msf1"u8))
        {
            // The generic HEIF brands: libavif and many encoders write mif1 as the major brand and list avif
            // (or avis) among the compatible ones. That file is AVIF, which HEIC decoders cannot read.
            return HasCompatibleAvifBrand(header) ? MediaTypes.Avif : MediaTypes.Heic;
        }

        if (brand.SequenceEqual("heic"u8) || brand.SequenceEqual("heix"u8) || brand.SequenceEqual("heim"u8) || brand.SequenceEqual("heis"u8))
        {
            return MediaTypes.Heic;
        }

        if (brand.StartsWith("3g"u8))
        {
            return MediaTypes.ThreeGpp;
        }

        return MediaTypes.Mp4;
    }

    private static bool IsAvifBrand(ReadOnlySpan<byte> brand) => brand.SequenceEqual("avif"u8) || brand.SequenceEqual("avis"u8);

    /// <summary>
    /// Whether the <c>ftyp</c> box lists <c>avif</c> or <c>avis</c> as a compatible brand: the four-byte brands
    /// after the major brand and minor version, up to the box's declared size or the end of the sniffed header.
    /// </summary>
    private static bool HasCompatibleAvifBrand(ReadOnlySpan<byte> header)
    {
        var boxSize = BinaryPrimitives.ReadUInt32BigEndian(header);
        var end = boxSize >= 16 && boxSize < (uint)header.Length ? (int)boxSize : header.Length;
        for (var at = 16; at + 4 <= end; at += 4)
        {
            if (IsAvifBrand(header.Slice(at, 4)))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsPlausibleBmp(ReadOnlySpan<byte> header)
    {
        // "BM" alone is too weak; require a known DIB header size at offset 14.
        var dibSize = BinaryPrimitives.ReadUInt32LittleEndian(header.Slice(14, 4));
        return dibSize is 12 or 40 or 52 or 56 or 64 or 108 or 124;
    }

    private static string? SniffMpegAudioFrame(byte second)
    {
        // Frame sync (11 set bits). Layer bits 00 with MPEG-4/2 ids are AAC in ADTS; other layers are MP1/2/3.
        var layer = (second >> 1) & 0x03;
        var version = (second >> 3) & 0x03;
        if (layer == 0)
        {
            return (second & 0xF6) == 0xF0 ? MediaTypes.Aac : null;
        }

        return version == 1 ? null : MediaTypes.Mpeg;
    }
}
