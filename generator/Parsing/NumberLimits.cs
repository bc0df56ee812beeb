namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The numeric limits of a property or of its items, as exact JSON number text. Read from the raw
    /// JSON, not from NJsonSchema, which holds them as <c>decimal</c> and cannot take <c>1e300</c>.
    /// </summary>
    internal sealed class NumberLimits
    {
        /// <summary>The limit keywords that were read (valid numbers), with their place in the file.</summary>
        public System.Collections.Generic.List<Newtonsoft.Json.Linq.JProperty> Read { get; } = new System.Collections.Generic.List<Newtonsoft.Json.Linq.JProperty>();

        public string? Minimum { get; set; }

        public string? Maximum { get; set; }

        public string? ExclusiveMinimum { get; set; }

        public string? ExclusiveMaximum { get; set; }
    }
}
