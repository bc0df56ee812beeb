namespace RunComfy;

/// <summary>One broken rule of a request.</summary>
/// <param name="Path">Where: a JSON property name, or an item such as <c>images[2]</c>.</param>
/// <param name="Rule">Which rule: a JSON Schema keyword (<c>maxLength</c>) or a <c>validations</c> rule (<c>width_pixels&gt;</c>).</param>
/// <param name="Message">What is wrong; the schema's own <c>validation_error</c> text where it gives one.</param>
public sealed record ValidationError(string Path, string Rule, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Path}: {Message} ({Rule})";
}
