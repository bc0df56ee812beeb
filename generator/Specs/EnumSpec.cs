namespace RunComfy.SchemaClient.Generator.Specs
{
    /// <summary>A generated enum: a string enum, or an integer enum whose members carry the integer.</summary>
    internal sealed record EnumSpec(string TypeName, string PropertyJsonName, LocationInfo Location, bool IsString, bool IsInt64, EquatableArray<EnumMemberSpec> Members)
    {
        /// <summary>The static class that converts the enum to and from JSON.</summary>
        public string ValuesTypeName => TypeName + "Values";
    }

    /// <summary>One enum member: its C# name and its exact JSON value (a string's text, or an integer's digits).</summary>
    internal sealed record EnumMemberSpec(string Name, string Value);
}
