using System.Collections.Generic;

namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The <c>validations</c> rules the runtime knows how to check (kept in step with
    /// <c>RunComfy.MediaRuleNames</c> in the runtime). Others still become data, with a warning.
    /// </summary>
    internal static class MediaRules
    {
        public static readonly ISet<string> Known = new HashSet<string>(System.StringComparer.Ordinal)
        {
            "file_size_mb<", "file_size_mb>",
            "width/height<", "width/height>",
            "width_pixels<", "width_pixels>",
            "height_pixels<", "height_pixels>",
        };
    }
}
