namespace RunComfy;

/// <summary>
/// One problem of an input schema, with the id of the diagnostic the generator reports for it
/// (<c>RCS0014</c>...). Errors mean the generator would generate nothing for the schema.
/// </summary>
/// <param name="Id">The generator's diagnostic id.</param>
/// <param name="Message">The diagnostic's message.</param>
/// <param name="IsError">True when the schema is refused; false for a warning (a keyword ignored, a name changed).</param>
public sealed record SchemaProblem(string Id, string Message, bool IsError)
{
    /// <inheritdoc />
    public override string ToString() => $"{(IsError ? "error" : "warning")} {Id}: {Message}";
}
