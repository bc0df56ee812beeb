namespace RunComfy.SchemaClient.Generator.Parsing
{
    /// <summary>
    /// The numeric limits of a property or of its items, as exact JSON number text. Read from the raw
    /// JSON, not from NJsonSchema, which holds them as <c>decimal</c> and cannot take <c>1e300</c>.
    /// </summary>
    internal sealed class NumberLimits
    {
        public string? Minimum { get; set; }

        public string? Maximum { get; set; }

        public string? ExclusiveMinimum { get; set; }

        public string? ExclusiveMaximum { get; set; }
    }
}
