namespace RunComfy;

/// <summary>One field named in an error's <c>detail</c> array (HTTP 400/422 answers).</summary>
/// <param name="Field">The field, from <c>loc</c> (<c>body.prompt</c> becomes <c>prompt</c>) or <c>field</c>; empty when not named.</param>
/// <param name="Message">What is wrong with it (<c>msg</c> or <c>message</c>).</param>
/// <param name="Type">The error type, when given.</param>
public sealed record RunComfyFieldError(string Field, string Message, string? Type)
{
    /// <inheritdoc />
    public override string ToString() => Field.Length == 0 ? Message : $"{Field}: {Message}";
}
