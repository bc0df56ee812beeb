using RunComfy.Media.Sniffing;
using RunComfy.Media.Sources;

namespace RunComfy.Media.Headers;

/// <summary>Reads an image's stored width and height from its header, whatever the supported format.</summary>
internal static class ImageHeaderReader
{
    /// <summary>Reads the size of an image already sniffed as <paramref name="mimeType"/>.</summary>
    /// <param name="source">The content, for formats whose size may lie deep in the file (JPEG).</param>
    /// <param name="mimeType">The sniffed type.</param>
    /// <param name="header">The first <see cref="MediaTypeSniffer.HeaderLength"/> bytes (fewer for a shorter file).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    /// <exception cref="MediaFormatException">The format is not one whose size is read here, or the header is bad.</exception>
    public static ValueTask<ImageDimensions> ReadAsync(MediaByteSource source, string mimeType, ReadOnlySpan<byte> header, CancellationToken cancellationToken) =>
        mimeType switch
        {
            MediaTypes.Png => ValueTask.FromResult(PngHeader.Read(header)),
            MediaTypes.Gif => ValueTask.FromResult(GifHeader.Read(header)),
            MediaTypes.WebP => ValueTask.FromResult(WebPHeader.Read(header, source.Length)),
            MediaTypes.Jpeg => JpegHeader.ReadAsync(source, cancellationToken),
            _ => throw new MediaFormatException(
                "media",
                mimeType.StartsWith("image/", StringComparison.Ordinal)
                    ? $"the size of {mimeType} images is not read here; PNG, JPEG, WebP and GIF are supported"
                    : $"the content is {mimeType}, not an image"),
        };
}
