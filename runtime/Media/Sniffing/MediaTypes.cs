namespace RunComfy.Media.Sniffing;

/// <summary>The MIME types the sniffer can name.</summary>
internal static class MediaTypes
{
    public const string Png = "image/png";
    public const string Jpeg = "image/jpeg";
    public const string WebP = "image/webp";
    public const string Gif = "image/gif";
    public const string Bmp = "image/bmp";
    public const string Tiff = "image/tiff";
    public const string Avif = "image/avif";
    public const string Heic = "image/heic";
    public const string Mp4 = "video/mp4";
    public const string QuickTime = "video/quicktime";
    public const string ThreeGpp = "video/3gpp";
    public const string WebM = "video/webm";
    public const string Matroska = "video/x-matroska";
    public const string Avi = "video/x-msvideo";
    public const string Mp4Audio = "audio/mp4";
    public const string Mpeg = "audio/mpeg";
    public const string Aac = "audio/aac";
    public const string Wav = "audio/wav";
    public const string Ogg = "audio/ogg";
    public const string Flac = "audio/flac";
    public const string OctetStream = "application/octet-stream";

    /// <summary>The image formats whose header this runtime reads for the pixel rules.</summary>
    public static bool HasReadableDimensions(string mimeType) =>
        mimeType is Png or Jpeg or WebP or Gif;
}
