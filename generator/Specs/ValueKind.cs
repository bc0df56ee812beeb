namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>The C# shape of a schema value (a property, or the items of an array property).</summary>
    internal enum ValueKind
    {
        /// <summary><c>string</c>.</summary>
        String,

        /// <summary><c>MediaInput</c>: a string with a media format, or with <c>validations</c>.</summary>
        Media,

        /// <summary><c>int</c>: an integer whose minimum and maximum both fit.</summary>
        Int32,

        /// <summary><c>long</c>: any other integer.</summary>
        Int64,

        /// <summary><c>double</c>: <c>number</c> (or the non-standard <c>float</c>).</summary>
        Double,

        /// <summary><c>bool</c>.</summary>
        Boolean,

        /// <summary>A generated enum type (string or integer enum).</summary>
        Enum,

        /// <summary><c>JsonElement</c>: anything the generator cannot type (array items with no schema, unknown types).</summary>
        Json,
    }
}
