namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>The <c>format</c> values that mark media: a single URI, or an array of them.</summary>
    internal static class MediaFormats
    {
        public static bool IsSingle(string? format) => format == "image_uri" || format == "video_uri" || format == "audio_uri";

        public static bool IsArray(string? format) => format == "image_uris" || format == "video_uris" || format == "audio_uris";
    }
}
